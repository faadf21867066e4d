package org.wirereclassifier.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Spreadsheet-safe cells")
class SpreadsheetSafeTests {

	@Test
	@DisplayName("a formula sign after leading white space, or in its full-width form, is neutralised")
	void formulaSigns() {
		assertThat(SpreadsheetSafe.cell(" =1+1")).isEqualTo("' =1+1");
		assertThat(SpreadsheetSafe.cell("\n=1+1")).isEqualTo("'\n=1+1");
		assertThat(SpreadsheetSafe.cell("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
		assertThat(SpreadsheetSafe.cell("\uFF20x")).isEqualTo("'\uFF20x");
		assertThat(SpreadsheetSafe.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
	}

	@Test
	@DisplayName("ordinary text is kept as it is")
	void plainText() {
		assertThat(SpreadsheetSafe.cell("plain")).isEqualTo("plain");
		assertThat(SpreadsheetSafe.cell("1-2")).isEqualTo("1-2");
		assertThat(SpreadsheetSafe.cell("  ")).isEqualTo("  ");
	}

}
