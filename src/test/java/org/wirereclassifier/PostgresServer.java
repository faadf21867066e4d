package org.wirereclassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.opentest4j.TestAbortedException;

/**
 * A real PostgreSQL server for tests, shared by the whole test JVM: {@link #get()} starts it once, a shutdown hook
 * stops it, and {@link #createDatabase()} gives each test class an empty database of its own. When no server can be
 * had, {@link #get()} throws {@link TestAbortedException} saying why, so JUnit reports the test as skipped.
 * <p>
 * Where the server comes from, first match wins:
 * <ol>
 * <li>the environment variable {@value #URL_ENV}: a JDBC URL of an existing server with {@code user} and (optionally)
 * {@code password} as URL parameters, e.g. {@code jdbc:postgresql://localhost:5432/postgres?user=me&password=pw}.
 * The user must be allowed to {@code CREATE DATABASE}; the databases made are dropped when the JVM exits.</li>
 * <li>a throwaway server of our own: {@code initdb} and {@code pg_ctl} from the system property
 * {@value #BIN_PROPERTY} (a bin directory; when set, nothing else is searched), else the newest
 * {@code /usr/lib/postgresql/N/bin} (Debian's {@code postgresql} package; {@code .ci/install-postgresql} installs it),
 * else {@code PATH}. It runs from a temporary directory under {@code /tmp} (data, Unix socket and {@code server.log}),
 * listens on 127.0.0.1 only, on a free port, with trust authentication as user {@code postgres} and durability off
 * for speed. PostgreSQL refuses to run as root, so under uid 0 it runs as the {@code postgres} OS user (through
 * {@code runuser}, else {@code su}).</li>
 * </ol>
 * For example, {@code ./mvnw test -Dtest=PostgresServerTests -Dwire-reclassifier.test.postgres.bin=/nowhere} shows
 * the skip message.
 */
public final class PostgresServer {

	/** A JDBC URL (with user and password as URL parameters) of an existing server to use instead of our own. */
	public static final String URL_ENV = "WIRE_RECLASSIFIER_TEST_POSTGRES_URL";

	/** Overrides where {@code initdb} and {@code pg_ctl} are looked for: a single bin directory. */
	public static final String BIN_PROPERTY = "wire-reclassifier.test.postgres.bin";

	private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

	private static final String SERVER_USER = "postgres";

	private static final int LOG_TAIL_LINES = 25;

	private static PostgresServer shared;

	/** Why no server could be had, once that is known: every later caller is skipped with the same reason. */
	private static String unavailable;

	private final String jdbcUrl;

	private final String username;

	private final String password;

	private final AtomicInteger databases = new AtomicInteger();

	/** Only for an external server: what to drop at exit, since that server outlives us. */
	private final List<String> createdDatabases = new ArrayList<>();

	private final boolean external;

	private PostgresServer(String jdbcUrl, String username, String password, boolean external) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
		this.external = external;
	}

	/**
	 * The server shared by this JVM, started on first use.
	 * @throws TestAbortedException when none can be had, with the reason
	 */
	public static synchronized PostgresServer get() {
		if (shared != null) {
			return shared;
		}
		if (unavailable == null) {
			try {
				String url = System.getenv(URL_ENV);
				shared = (url != null && !url.isBlank()) ? external(url.trim()) : LocalServer.start();
			}
			catch (Unavailable ex) {
				unavailable = ex.getMessage();
			}
			catch (IOException | RuntimeException ex) {
				unavailable = "could not start a PostgreSQL server for the tests: " + ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TestAbortedException("interrupted while starting a PostgreSQL server for the tests", ex);
			}
		}
		if (shared == null) {
			throw new TestAbortedException(unavailable);
		}
		return shared;
	}

	/** JDBC URL of the server's maintenance database ({@code postgres} for our own server). */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** Creates a new, empty database with a unique name and returns its JDBC URL (same user and password). */
	public String createDatabase() {
		String name = "wr_test_" + this.databases.incrementAndGet() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (Connection connection = connect(this.jdbcUrl); Statement statement = connection.createStatement()) {
			// template0: guaranteed empty, even on an external server whose template1 someone filled.
			statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name + " on " + masked(this.jdbcUrl), ex);
		}
		if (this.external) {
			synchronized (this.createdDatabases) {
				this.createdDatabases.add(name);
			}
		}
		return withDatabase(this.jdbcUrl, name);
	}

	private Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, this.username, this.password);
	}

	@Override
	public String toString() {
		return "PostgresServer[" + masked(this.jdbcUrl) + "]";
	}

	private static PostgresServer external(String url) throws Unavailable {
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new Unavailable(URL_ENV + " is not a jdbc:postgresql: URL: " + masked(url));
		}
		String user = urlParameter(url, "user");
		if (user == null) {
			throw new Unavailable(URL_ENV + " has no user parameter (…?user=NAME&password=SECRET): " + masked(url));
		}
		String password = Optional.ofNullable(urlParameter(url, "password")).orElse("");
		PostgresServer server = new PostgresServer(url, user, password, true);
		try (Connection connection = server.connect(url); Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
		}
		catch (SQLException ex) {
			throw new Unavailable("cannot connect to the server in " + URL_ENV + " (" + masked(url) + "): " + ex.getMessage());
		}
		// The server outlives this JVM: leave it as we found it.
		Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreatedDatabases, "postgres-test-databases-drop"));
		return server;
	}

	private void dropCreatedDatabases() {
		List<String> names;
		synchronized (this.createdDatabases) {
			names = List.copyOf(this.createdDatabases);
		}
		if (names.isEmpty()) {
			return;
		}
		try (Connection connection = connect(this.jdbcUrl); Statement statement = connection.createStatement()) {
			for (String name : names) {
				try {
					statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				}
				catch (SQLException ex) {
					// Best effort at exit; a leftover wr_test_* database harms nothing.
				}
			}
		}
		catch (SQLException ex) {
			// Best effort, as above.
		}
	}

	/** The value of a URL query parameter, decoded, or null. */
	static String urlParameter(String url, String name) {
		int query = url.indexOf('?');
		if (query < 0) {
			return null;
		}
		for (String pair : url.substring(query + 1).split("&")) {
			int eq = pair.indexOf('=');
			String key = (eq < 0) ? pair : pair.substring(0, eq);
			if (key.equals(name)) {
				return (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	/** The same URL with its database replaced: {@code jdbc:postgresql://hosts[/db][?params]}. */
	static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query < 0) ? url : url.substring(0, query);
		String params = (query < 0) ? "" : url.substring(query);
		int hosts = base.indexOf("//");
		int slash = (hosts < 0) ? base.lastIndexOf(':') : base.indexOf('/', hosts + 2);
		String prefix = (slash < 0) ? base : base.substring(0, slash);
		return prefix + "/" + database + params;
	}

	private static String masked(String url) {
		return url.replaceAll("(?i)(password=)[^&]*", "$1***");
	}

	/** Why no server: the message is what the skipped test reports. */
	private static final class Unavailable extends Exception {

		Unavailable(String message) {
			super(message);
		}

	}

	/** Our own throwaway server: a temporary data directory, started with pg_ctl, stopped and deleted at exit. */
	private static final class LocalServer {

		private static final int START_ATTEMPTS = 3;

		private final Path binDir;

		private final Path dir;

		private final Path dataDir;

		private final Path log;

		/** Non-null when we are root: the command prefix that runs the server tools as the postgres OS user. */
		private final List<String> asServerUser;

		private LocalServer(Path binDir, Path dir, List<String> asServerUser) {
			this.binDir = binDir;
			this.dir = dir;
			this.dataDir = dir.resolve("data");
			this.log = dir.resolve("server.log");
			this.asServerUser = asServerUser;
		}

		static PostgresServer start() throws Unavailable, IOException, InterruptedException {
			Path binDir = findBinDir();
			List<String> asServerUser = isRoot() ? serverUserPrefix() : null;
			LocalServer server = new LocalServer(binDir, createDirectory(asServerUser != null), asServerUser);
			boolean started = false;
			try {
				server.initdb();
				int port = server.startOnFreePort();
				started = true;
				Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "postgres-test-server-stop"));
				PostgresServer postgres = new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
						SERVER_USER, "", false);
				try (Connection connection = postgres.connect(postgres.jdbcUrl);
						Statement statement = connection.createStatement()) {
					statement.execute("SELECT 1");
				}
				catch (SQLException ex) {
					throw new Unavailable("PostgreSQL server from " + binDir + " started but refuses JDBC connections ("
							+ ex.getMessage() + ")" + server.logTail());
				}
				return postgres;
			}
			finally {
				if (!started) {
					server.delete();
				}
			}
		}

		private void initdb() throws Unavailable, IOException, InterruptedException {
			// --no-sync: a throwaway cluster need not survive a crash.
			int exit = run(120, this.binDir.resolve("initdb").toString(), "-D", this.dataDir.toString(),
					"--auth=trust", "-U", SERVER_USER, "--encoding=UTF8", "--locale=C", "--no-sync");
			if (exit != 0) {
				throw new Unavailable("initdb from " + this.binDir + " failed (exit " + exit + ")" + logTail());
			}
		}

		/** Starts the server on a free port; retries when another process took the port between probe and bind. */
		private int startOnFreePort() throws Unavailable, IOException, InterruptedException {
			for (int attempt = 1;; attempt++) {
				int port = freePort();
				long logSize = readLog().length();
				// Durability off: test data is thrown away anyway, and fsyncs dominate small test transactions.
				String options = "-c listen_addresses=127.0.0.1 -c unix_socket_directories=" + shellQuote(this.dir.toString())
						+ " -p " + port + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
				int exit = run(90, pgCtl(), "-D", this.dataDir.toString(), "-l", this.log.toString(), "-w", "-t", "60",
						"-o", options, "start");
				if (exit == 0) {
					return port;
				}
				String newLog = readLog().substring((int) Math.min(logSize, readLog().length()));
				boolean portTaken = newLog.contains("could not bind") || newLog.contains("Address already in use");
				if (!portTaken || attempt == START_ATTEMPTS) {
					// pg_ctl may give up while the postmaster is still coming up: make sure it is gone.
					stop();
					throw new Unavailable("pg_ctl from " + this.binDir + " could not start a PostgreSQL server (exit "
							+ exit + ")" + logTail());
				}
			}
		}

		private void stopAndDelete() {
			stop();
			delete();
		}

		private void stop() {
			try {
				if (Files.exists(this.dataDir.resolve("postmaster.pid"))) {
					run(30, pgCtl(), "-D", this.dataDir.toString(), "-m", "immediate", "-w", "stop");
				}
			}
			catch (IOException ex) {
				// Fall through to the kill below.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// If pg_ctl could not stop it, kill the postmaster: no server may outlive the test JVM.
			postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
		}

		private Optional<Long> postmasterPid() {
			try {
				String first = Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim();
				return Optional.of(Long.parseLong(first));
			}
			catch (IOException | RuntimeException ex) {
				return Optional.empty();
			}
		}

		private void delete() {
			try (Stream<Path> paths = Files.walk(this.dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException | UncheckedIOException ex) {
				// Best effort: a leftover directory under /tmp is harmless.
			}
		}

		private String pgCtl() {
			return this.binDir.resolve("pg_ctl").toString();
		}

		/** Runs a server tool (as the postgres OS user when we are root), its output appended to the log. */
		private int run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
			List<String> full = new ArrayList<>();
			if (this.asServerUser == null) {
				full.addAll(Arrays.asList(command));
			}
			else if (this.asServerUser.get(this.asServerUser.size() - 1).equals("-c")) {
				// su takes one shell command line.
				full.addAll(this.asServerUser);
				full.add(Arrays.stream(command).map(LocalServer::shellQuote).collect(Collectors.joining(" ")));
			}
			else {
				full.addAll(this.asServerUser);
				full.addAll(Arrays.asList(command));
			}
			ProcessBuilder builder = new ProcessBuilder(full).directory(this.dir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			// A developer's PGHOST/PGPORT/PGDATA... must not steer our tools elsewhere.
			builder.environment().keySet().removeIf((name) -> name.startsWith("PG"));
			builder.environment().put("LC_ALL", "C");
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				Files.writeString(this.log, "\n[PostgresServer] timed out after " + timeoutSeconds + " s: "
						+ String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.APPEND);
				return -1;
			}
			return process.exitValue();
		}

		/** The log, leniently decoded: server messages may quote bytes of any encoding. */
		private String readLog() throws IOException {
			return new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8);
		}

		private String logTail() {
			try {
				List<String> lines = readLog().lines().collect(Collectors.toList());
				List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
				// The log goes with its directory: quote it rather than point at it.
				return tail.isEmpty() ? "; the server log is empty"
						: "; last lines of the server log:\n" + String.join("\n", tail);
			}
			catch (IOException ex) {
				return "; could not read the server log: " + ex;
			}
		}

		private static Path findBinDir() throws Unavailable {
			String override = System.getProperty(BIN_PROPERTY);
			if (override != null && !override.isBlank()) {
				Path dir = Path.of(override.trim());
				if (!hasServerTools(dir)) {
					throw new Unavailable("no PostgreSQL server binaries (initdb, pg_ctl) in " + dir + " (set by -D"
							+ BIN_PROPERTY + ")");
				}
				return dir;
			}
			if (Files.isDirectory(DEBIAN_VERSIONS)) {
				try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
					Optional<Path> newest = versions.filter((version) -> hasServerTools(version.resolve("bin")))
							.max(Comparator.comparing((Path version) -> version.getFileName().toString(),
									LocalServer::compareVersions));
					if (newest.isPresent()) {
						return newest.get().resolve("bin");
					}
				}
				catch (IOException ex) {
					// Unreadable: fall back to PATH.
				}
			}
			String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
			for (String entry : path.split(java.io.File.pathSeparator)) {
				if (!entry.isEmpty() && hasServerTools(Path.of(entry))) {
					return Path.of(entry);
				}
			}
			throw new Unavailable("no PostgreSQL server binaries (initdb, pg_ctl) under " + DEBIAN_VERSIONS
					+ "/*/bin or on PATH; install Debian's postgresql package (.ci/install-postgresql does)");
		}

		private static boolean hasServerTools(Path dir) {
			return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
		}

		/** Orders "9.6" < "15" < "16"; names that are not versions sort first. */
		private static int compareVersions(String a, String b) {
			int[] x = versionParts(a);
			int[] y = versionParts(b);
			return Arrays.compare(x, y);
		}

		private static int[] versionParts(String version) {
			try {
				return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
			}
			catch (NumberFormatException ex) {
				return new int[] { -1 };
			}
		}

		private static boolean isRoot() {
			return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
		}

		/** How root runs a command as the postgres OS user: runuser where there is one, else su. */
		private static List<String> serverUserPrefix() throws Unavailable {
			try {
				Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
			}
			catch (UserPrincipalNotFoundException ex) {
				throw new Unavailable("running as root, and PostgreSQL refuses to: there is no '" + SERVER_USER
						+ "' OS user to run the server as; install Debian's postgresql package (it creates one)");
			}
			catch (IOException ex) {
				throw new Unavailable("running as root, and could not look up the '" + SERVER_USER + "' OS user: " + ex);
			}
			Optional<Path> runuser = findExecutable("runuser", "/usr/sbin", "/sbin");
			if (runuser.isPresent()) {
				return List.of(runuser.get().toString(), "-u", SERVER_USER, "--");
			}
			Optional<Path> su = findExecutable("su", "/usr/bin", "/bin");
			if (su.isPresent()) {
				return List.of(su.get().toString(), "-s", "/bin/sh", SERVER_USER, "-c");
			}
			throw new Unavailable("running as root, and PostgreSQL refuses to: found neither runuser nor su to run "
					+ "the server as the '" + SERVER_USER + "' OS user");
		}

		private static Optional<Path> findExecutable(String name, String... dirs) {
			List<String> candidates = new ArrayList<>(Arrays.asList(dirs));
			candidates.addAll(Arrays.asList(Optional.ofNullable(System.getenv("PATH")).orElse("")
					.split(java.io.File.pathSeparator)));
			return candidates.stream().filter((dir) -> !dir.isEmpty()).map((dir) -> Path.of(dir, name))
					.filter(Files::isExecutable).findFirst();
		}

		/**
		 * A fresh directory under /tmp (short enough for a Unix socket path, and traversable by the postgres user,
		 * unlike a private java.io.tmpdir might be), owned by that user when the server will run as it.
		 */
		private static Path createDirectory(boolean forServerUser) throws IOException {
			Path parent = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp")
					: Path.of(System.getProperty("java.io.tmpdir"));
			Path dir = Files.createTempDirectory(parent, "wire-reclassifier-pg-");
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			// pg_ctl -l appends to this file as the server user; create it now so we can append to it too.
			Path log = Files.createFile(dir.resolve("server.log"));
			if (forServerUser) {
				UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService()
						.lookupPrincipalByName(SERVER_USER);
				Files.setOwner(dir, owner);
				Files.setOwner(log, owner);
			}
			return dir;
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
				return socket.getLocalPort();
			}
		}

		private static String shellQuote(String text) {
			return "'" + text.replace("'", "'\\''") + "'";
		}

	}

}
