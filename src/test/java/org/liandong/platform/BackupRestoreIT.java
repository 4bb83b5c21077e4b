package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.LiandongApplication;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.PostgresCluster;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Issue 24, backup and restore (等保 L3 数据备份与恢复): a cluster of the test's own with WAL
 * archiving through ops/archive-wal.sh; the platform writes a known workload, ops/backup.sh takes a
 * base backup, the platform writes more, a moment is chosen, it writes more still; then the cluster
 * is lost, ops/restore.sh restores the backup into a new cluster up to the chosen moment, and the
 * platform started on it has every row, uploaded file and signed letter written before the moment,
 * nothing written after it, and an audit chain that verifies and ends with the record that was last
 * at that moment.
 */
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
		disabledReason = "runs PostgreSQL clusters of its own (initdb, pg_ctl): in the PostgreSQL run of .ci/run")
class BackupRestoreIT {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private Path workspace;

	private PostgresCluster primary;

	private PostgresCluster restored;

	@AfterEach
	void discard() {
		if (primary != null) {
			primary.discard();
		}
		if (restored != null) {
			restored.discard();
		}
		PostgresCluster.delete(workspace);
	}

	@Test
	void a_base_backup_and_the_wal_archive_restore_the_platform_to_a_chosen_moment() throws Exception {
		workspace = PostgresCluster.workspace("pitr");
		Path archive = Files.createDirectory(workspace.resolve("wal-archive"));
		Path backups = Files.createDirectory(workspace.resolve("backups"));
		primary = PostgresCluster.init(workspace.resolve("primary"), "wal_level = replica", "archive_mode = on",
				"archive_command = '" + ops("archive-wal.sh") + " %p %f " + archive + "'", "archive_timeout = 0");
		PostgresCluster.giveToServerUser(workspace);
		primary.start();
		sql(primary, "postgres", "create database liandong");

		Written beforeBackup;
		Written beforeMoment;
		Written afterMoment;
		byte[] letterBeforeBackup;
		byte[] letterBeforeMoment;
		long lastSeqAtMoment;
		String lastHashAtMoment;
		String moment;
		try (ConfigurableApplicationContext platform = start(primary)) {
			Api xinhua = api(platform).as("xinhua.enforcer", Fixtures.PASSWORD);
			beforeBackup = write(xinhua, "备份之前");
			letterBeforeBackup = xinhua.getBytes("/api/v1/documents/" + beforeBackup.letterId() + ".pdf");

			String backupOutput = PostgresCluster.run("env", "PGHOST=127.0.0.1", "PGPORT=" + primary.port(),
					"PGUSER=postgres", "PG_BIN=" + PostgresCluster.bin(), ops("backup.sh"), backups.toString());
			assertThat(backupOutput).contains("backup successfully verified");

			beforeMoment = write(xinhua, "选定时刻之前");
			letterBeforeMoment = xinhua.getBytes("/api/v1/documents/" + beforeMoment.letterId() + ".pdf");
			// the moment: after every commit of the work above, by the database's clock
			Thread.sleep(1000);
			try (Connection connection = primary.connect("liandong");
					ResultSet rs = connection.createStatement()
						.executeQuery("select seq, hash, to_char(clock_timestamp() at time zone 'UTC', "
								+ "'YYYY-MM-DD HH24:MI:SS.US') || '+00' from audit_record order by seq desc limit 1")) {
				rs.next();
				lastSeqAtMoment = rs.getLong(1);
				lastHashAtMoment = rs.getString(2);
				moment = rs.getString(3);
			}
			Thread.sleep(1000);
			afterMoment = write(xinhua, "选定时刻之后");
		}
		// every segment with the work after the moment in the archive, then the cluster is lost
		String lastSegment = query(primary, "select pg_walfile_name(pg_switch_wal())");
		awaitArchived(lastSegment);
		primary.discard();

		Path base;
		try (var listing = Files.list(backups)) {
			base = listing.filter(p -> p.getFileName().toString().startsWith("base-")).findFirst().orElseThrow();
		}
		Files.createDirectory(workspace.resolve("restored"));
		PostgresCluster.giveToServerUser(workspace.resolve("restored"));
		String restoreOutput = PostgresCluster.run(ops("restore.sh"), base.toString(), archive.toString(),
				workspace.resolve("restored/data").toString(), "--time", moment);
		assertThat(restoreOutput).contains("restored into");
		restored = PostgresCluster.existing(workspace.resolve("restored"));
		restored.start();
		restored.awaitPrimary(Duration.ofSeconds(120));
		assertThat(restored.log()).as("replay stopped at the moment, not at the end of the archive")
			.contains("recovery stopping before commit of transaction");

		// before the platform writes anything: the chain ends where it ended at the moment
		assertThat(query(restored, "select max(seq) || ' ' || (select hash from audit_record order by seq desc limit 1) "
				+ "from audit_record")).isEqualTo(lastSeqAtMoment + " " + lastHashAtMoment);
		assertThat(query(restored, "select count(*) from enforcement_case where id in (" + beforeBackup.caseId() + ", "
				+ beforeMoment.caseId() + ")")).isEqualTo("2");
		assertThat(query(restored, "select count(*) from enforcement_case where id = " + afterMoment.caseId()))
			.as("nothing written after the moment").isEqualTo("0");

		try (ConfigurableApplicationContext platform = start(restored)) {
			Api xinhua = api(platform).as("xinhua.enforcer", Fixtures.PASSWORD);
			for (Written before : new Written[] { beforeBackup, beforeMoment }) {
				assertThat(xinhua.get("/api/v1/cases/" + before.caseId()).status()).isEqualTo(200);
				Reply attachment = xinhua.get("/api/v1/assistance-requests/" + before.requestId() + "/attachments/"
						+ before.attachmentId());
				assertThat(attachment.status()).isEqualTo(200);
				assertThat(attachment.header("X-Content-SM3")).as("the uploaded file's digest").isEqualTo(before.sm3());
				assertThat(xinhua.getBytes("/api/v1/assistance-requests/" + before.requestId() + "/attachments/"
						+ before.attachmentId())).as("the uploaded file, byte for byte").isEqualTo(before.file());
			}
			assertThat(xinhua.get("/api/v1/cases/" + afterMoment.caseId()).status()).isEqualTo(404);
			assertThat(xinhua.get("/api/v1/assistance-requests/" + afterMoment.requestId()).status()).isEqualTo(404);

			// the letters issued before the moment still verify, from their PDFs alone, on the restored platform
			Api weidong = api(platform).as("weidong.enforcer", Fixtures.PASSWORD);
			for (byte[] pdf : new byte[][] { letterBeforeBackup, letterBeforeMoment }) {
				JsonNode verdict = weidong.upload("/api/v1/documents/verify", "letter.pdf", "application/pdf", pdf).json();
				assertThat(verdict.path("authentic").asBoolean()).as(verdict.toString()).isTrue();
			}

			Api auditor = api(platform).as("auditor", Fixtures.PASSWORD);
			JsonNode verification = auditor.get("/api/v1/audit/verification").json();
			assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();

			// the restored platform takes new work: a case, a letter signed with the restored key
			Written afterRestore = write(xinhua, "恢复之后");
			assertThat(afterRestore.caseId()).isPositive();
			assertThat(auditor.get("/api/v1/audit/verification").json().path("intact").asBoolean()).isTrue();
		}
	}

	private record Written(long caseId, long requestId, long attachmentId, String sm3, byte[] file, long letterId) {
	}

	/** A case, an assistance request with an uploaded file, sent: its letter issued and signed. */
	private static Written write(Api xinhua, String label) {
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY", Fixtures.unique("备份恢复测试企业" + label));
		Reply draft = xinhua.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410403", "matters": "核实该企业在贵辖区的经营场所（%s）。",
				 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s"}"""
			.formatted(kase.path("id").asLong(), label, LocalDate.now(BEIJING).plusDays(30)));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		long request = draft.json().path("id").asLong();
		byte[] file = ("%PDF-1.4 现场检查记录 " + label + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		Reply attached = xinhua.upload("/api/v1/assistance-requests/" + request + "/attachments", "现场检查记录.pdf",
				"application/pdf", file);
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		Reply sent = xinhua.post("/api/v1/assistance-requests/" + request + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return new Written(kase.path("id").asLong(), request, attached.json().path("id").asLong(),
				attached.json().path("sm3").asString(), file, sent.json().path("letters").get(0).path("documentId").asLong());
	}

	private void awaitArchived(String segment) throws Exception {
		for (int i = 0; i < 600; i++) {
			String archived = query(primary, "select coalesce(last_archived_wal, '') from pg_stat_archiver");
			if (archived.compareTo(segment) >= 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("segment " + segment + " not archived: " + primary.log());
	}

	private static ConfigurableApplicationContext start(PostgresCluster cluster) {
		Map<String, String> settings = Map.of("spring.datasource.url", cluster.jdbcUrl("liandong"),
				"spring.datasource.username", "postgres", "spring.datasource.password", "", "server.port", "0",
				"spring.main.banner-mode", "off", "liandong.demo.history.enabled", "false", "liandong.demo.sign-off", "false",
				"liandong.audit.checkpoint-file", "target/audit-checkpoints/backup-restore-" + System.nanoTime() + ".jsonl");
		return new SpringApplicationBuilder(LiandongApplication.class).profiles("demo")
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static String ops(String script) {
		return Path.of("ops", script).toAbsolutePath().toString();
	}

	private static void sql(PostgresCluster cluster, String database, String sql) throws SQLException {
		try (Connection connection = cluster.connect(database)) {
			connection.createStatement().execute(sql);
		}
	}

	private static String query(PostgresCluster cluster, String sql) throws SQLException {
		try (Connection connection = cluster.connect("liandong");
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
