package org.wirereclassifier.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's style sheet and script, inlined into every report so that the page needs nothing but itself (it is
 * opened from disk, often offline). Kept here as text rather than as resources so that they ship with the code
 * that writes the markup they style.
 */
final class ReportAssets {

	private ReportAssets() {
	}

	static final String CSS = """
			:root { --ink: #111827; --muted: #4b5563; --faint: #6b7280; --line: #e5e7eb; --panel: #ffffff;
			  --page: #f3f4f6; --accent: #1d4ed8; --added: #15803d; --removed: #b91c1c;
			  --sans: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
			  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
			* { box-sizing: border-box; }
			[hidden] { display: none !important; }
			html { background: var(--page); }
			body { margin: 0; color: var(--ink); font: 15px/1.5 var(--sans); }
			code, .mono { font-family: var(--mono); font-size: 0.9em; }
			a { color: var(--accent); }
			.wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
			.masthead { background: #0f172a; color: #f8fafc; padding: 26px 0 22px; }
			.masthead .eyebrow { margin: 0; color: #94a3b8; font-size: 13px; letter-spacing: .08em; text-transform: uppercase; }
			.masthead h1 { margin: 4px 0 16px; font-size: 30px; font-weight: 650; line-height: 1.2; }
			.meta { display: flex; flex-wrap: wrap; gap: 10px 36px; margin: 0; }
			.meta div { min-width: 0; }
			.meta dt { color: #94a3b8; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; }
			.meta dd { margin: 2px 0 0; font-size: 15px; overflow-wrap: anywhere; }
			.meta code { color: #e2e8f0; }
			.meta ul { margin: 0; padding: 0; list-style: none; }
			.banner { background: #fef3c7; border-bottom: 1px solid #f59e0b; color: #78350f; }
			.banner p { margin: 0 auto; padding-top: 14px; padding-bottom: 14px; font-size: 17px; font-weight: 650; }
			.banner p::before { content: "\\26A0\\FE0E"; margin-right: 10px; }
			nav.toc { background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
			nav.toc ul { display: flex; flex-wrap: wrap; gap: 4px 26px; max-width: 1180px; margin: 0 auto; padding: 10px 28px; list-style: none; font-size: 14px; }
			nav.toc a { text-decoration: none; color: var(--muted); font-weight: 600; }
			nav.toc a:hover { color: var(--accent); }
			main.wrap { padding-bottom: 48px; }
			section { margin-top: 34px; }
			h2 { font-size: 22px; margin: 0 0 14px; font-weight: 650; }
			h3 { font-size: 16px; margin: 0; font-weight: 650; }
			.lead { color: var(--muted); margin: -6px 0 16px; max-width: 80ch; }
			.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 14px; }
			.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; border-top: 4px solid #94a3b8; }
			.card .value { display: block; font-size: 30px; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
			.card .label { display: block; font-weight: 650; }
			.card .note { display: block; color: var(--faint); font-size: 13px; }
			.card.amended { border-top-color: var(--accent); }
			.card.unchanged { border-top-color: #64748b; }
			.card.rejected { border-top-color: var(--removed); }
			.card.kept { border-top-color: #d97706; }
			.check { color: var(--muted); margin: 12px 0 18px; }
			table { border-collapse: collapse; width: 100%; background: var(--panel); }
			.table { border: 1px solid var(--line); border-radius: 10px; overflow: hidden; background: var(--panel); }
			th, td { text-align: left; vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--line); }
			thead th { background: #f9fafb; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; font-weight: 650; }
			tbody tr:last-child > * { border-bottom: 0; }
			td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
			tfoot td { font-weight: 650; border-top: 2px solid var(--line); border-bottom: 0; }
			.subtables { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 14px; margin-top: 16px; }
			.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 18px; align-items: start; }
			.charts .panel + .panel { margin-top: 18px; }
			.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px 12px; margin: 0; min-width: 0; }
			.panel h3 { margin-bottom: 2px; }
			.panel .what { color: var(--faint); font-size: 13px; margin: 0 0 10px; }
			svg.chart { display: block; width: 100%; max-width: 540px; height: auto; font-family: var(--sans); }
			.panel details { margin-top: 6px; font-size: 14px; }
			.panel details table { margin-top: 6px; }
			.panel details th, .panel details td { padding: 4px 10px; }
			summary { cursor: pointer; }
			summary::marker { color: var(--accent); }
			.panel summary { color: var(--accent); }
			.empty { color: var(--faint); font-style: italic; }
			.bound { background: #eff6ff; border: 1px solid #bfdbfe; border-radius: 8px; padding: 10px 14px; margin: 0 0 14px; }
			html:not(.js) .filter { display: none; }
			.filter { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin-bottom: 16px; }
			.filter label { font-weight: 650; }
			.filter input { flex: 1 1 420px; max-width: 640px; font: inherit; padding: 8px 12px; border: 1px solid #9ca3af; border-radius: 8px; background: #fff; }
			.filter input:focus { outline: 3px solid #93c5fd; border-color: var(--accent); }
			.filter .status { color: var(--muted); margin: 0; }
			.filter .help { flex-basis: 100%; color: var(--faint); font-size: 13px; margin: 0; }
			article.wire { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; margin: 0 0 14px; overflow: hidden; }
			article.wire > header { padding: 12px 16px 10px; border-bottom: 1px solid var(--line); }
			article.wire h3 { font-size: 16.5px; line-height: 1.35; overflow-wrap: anywhere; }
			.where { margin: 3px 0 0; color: var(--faint); font-size: 13px; overflow-wrap: anywhere; }
			table.diff { table-layout: fixed; }
			table.diff col.field { width: 150px; }
			table.diff col.rules { width: 250px; }
			table.diff th[scope=row] { font-family: var(--mono); font-size: 13px; font-weight: 600; color: var(--muted); }
			table.diff td { overflow-wrap: anywhere; font-size: 14px; }
			td.before { background: #fdf4f4; }
			td.after { background: #f2faf4; }
			tr.routine td, tr.routine th[scope=row] { background: none; color: var(--muted); }
			tr.kept td.after { background: #fffbeb; }
			.full { white-space: pre-wrap; margin-top: 6px; }
			.none { color: var(--faint); font-style: italic; }
			.chip { display: inline-block; font: 600 12px/1.2 var(--mono); padding: 3px 7px; margin: 1px 4px 3px 0;
			  border-radius: 999px; border: 1px solid #cbd5e1; background: #f8fafc; color: #334155; cursor: pointer; }
			.chip:hover { border-color: var(--accent); color: var(--accent); }
			.chip.added { background: #dcfce7; border-color: #86efac; color: #14532d; }
			.chip.removed { background: #fee2e2; border-color: #fca5a5; color: #7f1d1d; text-decoration: line-through; }
			.chip.rule { border-radius: 6px; font-weight: 500; font-size: 11.5px; max-width: 100%; overflow-wrap: anywhere; text-align: left; }
			.badge { display: inline-block; background: #fef3c7; color: #78350f; border: 1px solid #fcd34d; border-radius: 6px;
			  padding: 1px 7px; font-size: 13px; font-weight: 650; }
			.raw { white-space: pre-wrap; font: 12px/1.45 var(--mono); background: #f9fafb; border: 1px solid var(--line);
			  border-radius: 6px; padding: 8px; margin: 6px 0 0; max-height: 18em; overflow: auto; }
			table.rejects td { font-size: 14px; overflow-wrap: anywhere; }
			footer { color: var(--faint); font-size: 13px; border-top: 1px solid var(--line); padding: 16px 0 28px; }
			@media (max-width: 700px) { .charts { grid-template-columns: 1fr; } table.diff col.rules { width: 120px; } table.diff col.field { width: 96px; } }
			@media print { nav.toc, .filter { display: none; } body { font-size: 12px; } }
			""";

	/**
	 * The filter: reads the {@code data-*} attributes of the wires (the markup is the only data; nothing is built
	 * from strings) and hides the ones that do not match. {@code #filter=…} in the address sets it on load, so a
	 * filtered view can be linked to.
	 */
	static final String JS = """
			(function () {
			  'use strict';
			  document.documentElement.classList.add('js');
			  var input = document.getElementById('filter');
			  if (!input) { return; }
			  var status = document.getElementById('filter-status');
			  var noMatch = document.getElementById('no-match');
			  function list(value) { return (value || '').toLowerCase().split(';').filter(Boolean); }
			  var wires = Array.prototype.map.call(document.querySelectorAll('article.wire'), function (el) {
			    return { el: el, id: (el.getAttribute('data-wire') || '').toLowerCase(),
			      headline: (el.getAttribute('data-headline') || '').toLowerCase(),
			      codes: list(el.getAttribute('data-codes')), rules: list(el.getAttribute('data-rules')) };
			  });
			  // A code must be given whole (F1 is not F10); a rule by its id, a part of it (fraud) or a hyphenated piece.
			  function ruleMatches(rule, term) {
			    return rule === term || (term.indexOf('-') >= 0 ? rule.indexOf(term) >= 0 : rule.split('-').indexOf(term) >= 0);
			  }
			  function matches(wire, term) {
			    return wire.codes.indexOf(term) >= 0 || wire.rules.some(function (rule) { return ruleMatches(rule, term); })
			      || wire.id.indexOf(term) >= 0 || wire.headline.indexOf(term) >= 0;
			  }
			  function count(n) { return n.toLocaleString('en-US'); }
			  function apply() {
			    var query = input.value.trim();
			    var terms = query.toLowerCase().split(/\\s+/).filter(Boolean);
			    var shown = 0;
			    wires.forEach(function (wire) {
			      var ok = terms.every(function (term) { return matches(wire, term); });
			      wire.el.hidden = !ok;
			      if (ok) { shown++; }
			    });
			    status.textContent = terms.length
			      ? count(shown) + ' of ' + count(wires.length) + ' listed ' + (wires.length === 1 ? 'wire matches' : 'wires match')
			        + ' \\u201c' + query + '\\u201d.'
			      : count(wires.length) + (wires.length === 1 ? ' wire' : ' wires') + ' listed.';
			    noMatch.hidden = shown > 0;
			  }
			  function remember() {
			    var query = input.value.trim();
			    try {
			      history.replaceState(null, '', query ? '#filter=' + encodeURIComponent(query) : location.pathname + location.search);
			    } catch (ignored) { /* some browsers refuse history changes on file: pages; the filter still works */ }
			  }
			  function fromAddress() {
			    var hash = location.hash;
			    if (hash.indexOf('#filter=') === 0) {
			      try { input.value = decodeURIComponent(hash.slice(8).replace(/\\+/g, ' ')); } catch (bad) { input.value = ''; }
			    }
			  }
			  input.addEventListener('input', function () { apply(); remember(); });
			  window.addEventListener('hashchange', function () { fromAddress(); apply(); });
			  document.addEventListener('click', function (event) {
			    var chip = event.target.closest ? event.target.closest('[data-filter]') : null;
			    if (!chip) { return; }
			    input.value = chip.getAttribute('data-filter');
			    apply();
			    remember();
			    input.scrollIntoView({ block: 'center' });
			  });
			  fromAddress();
			  apply();
			}());
			""";

	/** The script's hash for the page's Content-Security-Policy, which lets this script run and nothing else. */
	static final String JS_SHA256 = sha256(JS);

	private static String sha256(String text) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
