package org.liandong.operations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.liandong.audit.AuditTrail;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.PhotoUpload;
import org.liandong.operations.PhotoView;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.liandong.platform.StoredFile;
import org.liandong.platform.UploadTypes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Photos of hazards as evidence (issue 22): JPEG or PNG by content, not by name (issue 9's
 * {@code FileContent}), at most 10 MB each, kept with the SM3 digest of the content taken on upload.
 * Taken by the people of the team that found the hazard; seen only by the operation's units and the
 * city, and each download is recorded as a sensitive read (X1).
 */
@Component
record Photos(OperationRecords records, JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events,
		Clock clock) {

	static final UploadTypes TYPES = UploadTypes.of(10L * 1024 * 1024, "jpg", "jpeg", "png");

	/** A record may hold many hazards, each with a few photos: enough for the field, a bound for the database. */
	static final int PER_HAZARD = 20;

	PhotoView attach(long id, long hazardId, PhotoUpload upload, SignedInUser uploader) {
		JointOperation operation = records.lock(id, uploader, "上传隐患照片");
		Long teamId = jdbc.sql("""
				select r.team_id from joint_hazard h join joint_inspection_record r on r.id = h.record_id
				where h.id = ? and h.operation_id = ?""")
			.params(hazardId, id).query(Long.class).optional()
			.orElseThrow(() -> DomainException.notFound("unknown-hazard", "隐患 %d 不存在".formatted(hazardId)));
		boolean ofTeam = jdbc.sql("select count(*) from joint_operation_team_member where team_id = ? and agency_code = ?")
			.params(teamId, uploader.agencyCode()).query(Integer.class).single() > 0;
		if (!ofTeam) {
			throw DomainException.forbidden("not-of-the-team", "只有发现该隐患的检查组的单位人员可以上传照片");
		}
		String name = TYPES.check(upload.fileName(), upload.content());
		if (jdbc.sql("select count(*) from joint_hazard_photo where hazard_id = ?").param(hazardId).query(Integer.class)
			.single() >= PER_HAZARD) {
			throw DomainException.conflict("too-many-photos", "每项隐患最多上传 %d 张照片".formatted(PER_HAZARD));
		}
		// the type stored is the one the content was recognised as, not the phone's claim
		String type = name.toLowerCase().endsWith(".png") ? "image/png" : "image/jpeg";
		String digest = Sm3.hex(upload.content());
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into joint_hazard_photo (operation_id, hazard_id, file_name, content_type, size_bytes, sm3, content,
				    uploaded_at, uploaded_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, hazardId, name, type, upload.content().length, digest, upload.content(), ChineseTime.utc(now),
					uploader.describe())
			.update(key, "id");
		events.publishEvent(new JointOperationEvent(id, "OPERATION_PHOTO_ADDED", "联合执法行动“%s”隐患 %d 上传照片“%s”（%d 字节，SM3 %s）"
			.formatted(operation.theme(), hazardId, name, upload.content().length, digest)));
		return new PhotoView(key.getKeyAs(Long.class), hazardId, name, type, upload.content().length, digest, now,
				uploader.describe());
	}

	List<PhotoView> of(long hazardId) {
		return jdbc.sql("""
				select id, hazard_id, file_name, content_type, size_bytes, sm3, uploaded_at, uploaded_by_name
				from joint_hazard_photo where hazard_id = ? order by id""")
			.param(hazardId)
			.query((rs, n) -> new PhotoView(rs.getLong("id"), rs.getLong("hazard_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sm3"),
					OperationRecords.instant(rs, "uploaded_at"), rs.getString("uploaded_by_name")))
			.list();
	}

	StoredFile load(long id, long photoId, SignedInUser reader) {
		records.find(id, reader);
		StoredFile file = jdbc.sql("""
				select file_name, content_type, sm3, content from joint_hazard_photo where id = ? and operation_id = ?""")
			.params(photoId, id)
			.query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getString("sm3"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-photo", "照片 %d 不存在".formatted(photoId)));
		// evidence leaving the platform is a sensitive read (X1)
		audit.record("OPERATION_PHOTO_DOWNLOADED", "joint-operation", "#" + id,
				"下载联合执法隐患照片“%s”（SM3 %s）".formatted(file.fileName(), file.sm3()));
		return file;
	}
}
