package org.a4p.portal.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.a4p.portal.publication.CyclePublications.PublishedCycle;
import org.a4p.portal.publication.CyclePublications;
import org.a4p.portal.publication.CyclePublished;
import org.a4p.portal.shared.Rows;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored dataset of each publication of a reporting cycle (table {@code published_dataset}, V100): written
 * once, then served as stored, so that a closed cycle's ZIP never changes, whatever happens later to the catalogue,
 * stakeholders, endorsements or capacities, until the cycle is published again (a new publication, a new file).
 * <p>
 * The file is written after the publication commits ({@link CyclePublished}); if that did not happen (the
 * instance stopped, the write failed, or the publication predates V100), the first download writes it. It is
 * written in one transaction: the tables read in one snapshot (repeatable read) and the bytes written through a
 * stream into a large object, 256 KiB at a time, with their SHA-256 (the file's strong ETag); it is read back the
 * same way. Two writers of the same file at once: the second one's insert fails on the primary key, its
 * transaction (large object included) rolls back and it uses the first one's file.
 */
@Component
class PublishedDatasets {

	/** A stored file: its large object, size in bytes and SHA-256 (hex). */
	record Stored(long publicationId, long content, long size, String sha256) {

		/** The strong ETag of the file. */
		String etag() {
			return "\"" + this.sha256 + "\"";
		}

	}

	private static final Logger log = LoggerFactory.getLogger(PublishedDatasets.class);

	/** Bytes written to or read from a large object per statement. */
	static final int CHUNK = 256 * 1024;

	private final JdbcClient jdbc;

	private final DatasetZip zip;

	private final CyclePublications publications;

	private final Clock clock;

	/** Joins a transaction in progress, else starts one in which every table is read from one snapshot. */
	private final TransactionTemplate writing;

	/** A transaction of its own, for the work after a publication's commit. */
	private final TransactionTemplate afterCommit;

	PublishedDatasets(JdbcClient jdbc, DatasetZip zip, CyclePublications publications,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.zip = zip;
		this.publications = publications;
		this.clock = clock;
		this.writing = new TransactionTemplate(transactions);
		this.writing.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.afterCommit = new TransactionTemplate(transactions);
		this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.afterCommit.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** A new publication's file is written as soon as the publication is committed. */
	@TransactionalEventListener
	void published(CyclePublished published) {
		try {
			// in a transaction of its own: the publishing one has committed
			this.afterCommit.executeWithoutResult((status) -> this.publications.cycles()
				.stream()
				.filter((cycle) -> cycle.published()
						&& Objects.equals(cycle.publicationId(), published.publicationId()))
				.findFirst()
				.ifPresent(this::store));
		}
		catch (RuntimeException ex) {
			// the first download writes it instead
			log.warn("The dataset of publication {} was not stored: {}", published.publicationId(), ex.toString());
		}
	}

	/** The stored file of the publication, if there is one. */
	Optional<Stored> stored(long publicationId) {
		return this.jdbc.sql("""
				select publication_id, content, size, sha256 from published_dataset where publication_id = ?""")
			.param(publicationId)
			.query(Rows.of(Stored.class))
			.optional();
	}

	/** The reporting cycle of a publication. */
	long cycleOf(long publicationId) {
		return this.jdbc.sql("select cycle_id from publication where id = ?")
			.param(publicationId)
			.query(Long.class)
			.single();
	}

	/**
	 * The stored file of the cycle's publication in force, written now if it was not yet.
	 * @param cycle a published cycle ({@link PublishedCycle#published()})
	 */
	Stored ensure(PublishedCycle cycle) {
		long publication = Objects.requireNonNull(cycle.publicationId());
		Optional<Stored> stored = stored(publication);
		if (stored.isPresent()) {
			return stored.get();
		}
		try {
			return Objects.requireNonNull(this.writing.execute((status) -> store(cycle)));
		}
		catch (DuplicateKeyException ex) {
			// written meanwhile by another request or instance
			return stored(publication).orElseThrow(() -> ex);
		}
	}

	/** Writes the cycle's dataset into a new large object and records it, in the transaction in progress. */
	private Stored store(PublishedCycle cycle) {
		long publication = Objects.requireNonNull(cycle.publicationId());
		OffsetDateTime publishedAt = Objects.requireNonNull(cycle.publishedAt());
		// a million entries take longer than the portal's statement timeout
		this.jdbc.sql("set local statement_timeout = 0").update();
		boolean inForce = this.jdbc.sql("select exists (select 1 from publication where id = ? and superseded_at is null)")
			.param(publication)
			.query(Boolean.class)
			.single();
		if (!inForce) {
			// the cycle's tables would be read from the publication that replaced it
			throw new IllegalStateException("Publication " + publication + " was superseded before its dataset was stored");
		}
		long content = this.jdbc.sql("select lo_create(0)").query(Long.class).single();
		MessageDigest sha256 = sha256();
		long size;
		try (LargeObjectOutput lo = new LargeObjectOutput(this.jdbc, content);
				DigestOutputStream out = new DigestOutputStream(lo, sha256)) {
			this.zip.write(cycle, publishedAt.toInstant(), out);
			out.flush();
			size = lo.written();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Writing the dataset of publication " + publication + " failed", ex);
		}
		String hex = HexFormat.of().formatHex(sha256.digest());
		this.jdbc.sql("""
				insert into published_dataset (publication_id, content, size, sha256, created_at)
				values (?, cast(? as oid), ?, ?, ?)""")
			.params(publication, content, size, hex, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		log.info("Stored the dataset of reporting cycle {}, publication {}: {} bytes", cycle.code(), publication, size);
		return new Stored(publication, content, size, hex);
	}

	/** Copies the stored file to {@code out}, a chunk at a time. */
	void copy(Stored stored, OutputStream out) throws IOException {
		try (InputStream in = new LargeObjectInput(this.jdbc, stored.content(), stored.size())) {
			in.transferTo(out);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes a large object through {@code lo_put}, {@link #CHUNK} bytes per statement. */
	private static final class LargeObjectOutput extends OutputStream {

		private final JdbcClient jdbc;

		private final long content;

		private final byte[] buffer = new byte[CHUNK];

		private int filled;

		private long written;

		LargeObjectOutput(JdbcClient jdbc, long content) {
			this.jdbc = jdbc;
			this.content = content;
		}

		@Override
		public void write(int b) {
			if (this.filled == this.buffer.length) {
				drain();
			}
			this.buffer[this.filled++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			int from = offset;
			int left = length;
			while (left > 0) {
				if (this.filled == this.buffer.length) {
					drain();
				}
				int n = Math.min(left, this.buffer.length - this.filled);
				System.arraycopy(bytes, from, this.buffer, this.filled, n);
				this.filled += n;
				from += n;
				left -= n;
			}
		}

		@Override
		public void flush() {
			drain();
		}

		@Override
		public void close() {
			drain();
		}

		long written() {
			return this.written;
		}

		private void drain() {
			if (this.filled == 0) {
				return;
			}
			byte[] chunk = (this.filled == this.buffer.length) ? this.buffer
					: java.util.Arrays.copyOf(this.buffer, this.filled);
			this.jdbc.sql("select lo_put(cast(? as oid), ?, ?)")
				.params(this.content, this.written, chunk)
				.query((rs) -> {
				});
			this.written += this.filled;
			this.filled = 0;
		}

	}

	/** Reads a large object through {@code lo_get}, {@link #CHUNK} bytes per statement. */
	private static final class LargeObjectInput extends InputStream {

		private final JdbcClient jdbc;

		private final long content;

		private final long size;

		private long offset;

		private byte @Nullable [] chunk;

		private int position;

		LargeObjectInput(JdbcClient jdbc, long content, long size) {
			this.jdbc = jdbc;
			this.content = content;
			this.size = size;
		}

		@Override
		public int read() {
			byte[] bytes = fill();
			return (bytes != null) ? (bytes[this.position++] & 0xff) : -1;
		}

		@Override
		public int read(byte[] bytes, int off, int length) {
			if (length == 0) {
				return 0;
			}
			byte[] current = fill();
			if (current == null) {
				return -1;
			}
			int n = Math.min(length, current.length - this.position);
			System.arraycopy(current, this.position, bytes, off, n);
			this.position += n;
			return n;
		}

		private byte @Nullable [] fill() {
			if (this.chunk != null && this.position < this.chunk.length) {
				return this.chunk;
			}
			if (this.offset >= this.size) {
				return null;
			}
			int length = (int) Math.min(CHUNK, this.size - this.offset);
			byte[] read = this.jdbc.sql("select lo_get(cast(? as oid), ?, ?)")
				.params(this.content, this.offset, length)
				.query((rs, row) -> rs.getBytes(1))
				.single();
			if (read.length == 0) {
				throw new IllegalStateException("Large object " + this.content + " ends at " + this.offset
						+ ", before its recorded size " + this.size);
			}
			this.chunk = read;
			this.position = 0;
			this.offset += read.length;
			return read;
		}

	}

}
