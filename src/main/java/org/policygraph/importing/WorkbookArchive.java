package org.policygraph.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.policygraph.errors.Sizes;

/**
 * The zip archive of an uploaded workbook, read in place from its bytes, that counts what
 * its entries inflate to and stops at the limits. POI's own reader of a stream inflates
 * every entry into memory before anything is read, and its zip-bomb check is a ratio that
 * a workbook just above it passes; here the limits are absolute. The sizes the central
 * directory declares are checked before anything is inflated; as they can lie, the bytes
 * are also counted while they stream, and a read past a limit fails (and
 * {@link #exceeded()} says which, whatever the XML parser or POI made of the failure).
 */
final class WorkbookArchive implements ZipEntrySource {

	/** More entries than this is no workbook (POI's own default bound). */
	static final int MAX_ENTRIES = 1000;

	private final String fileName;

	private final UploadLimits limits;

	private final ZipFile zip;

	private final List<ZipArchiveEntry> entries;

	private long inflated;

	/**
	 * The limit of one entry for the reads that follow; parts read whole into memory get
	 * the smaller one.
	 */
	private long entryLimit;

	private String entryLimitName;

	private String reading = "the workbook";

	private UploadLimitExceeded exceeded;

	private boolean closed;

	WorkbookArchive(String fileName, byte[] bytes, UploadLimits limits) throws IOException {
		this.fileName = fileName;
		this.limits = limits;
		this.zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
		this.entries = Collections.list(this.zip.getEntries());
		readingMetadata();
		checkDeclaredSizes();
	}

	private void checkDeclaredSizes() {
		if (this.entries.size() > MAX_ENTRIES) {
			throw new UploadLimitExceeded(null, this.fileName, 0,
					"the workbook holds " + UploadLimits.count(this.entries.size()) + " parts, more than the "
							+ UploadLimits.count(MAX_ENTRIES) + " a workbook may have");
		}
		long declared = 0;
		for (ZipArchiveEntry entry : this.entries) {
			// -1 when unknown: the counting below catches it
			declared += Math.max(0, entry.getSize());
		}
		if (declared > this.limits.maxInflatedSize().toBytes()) {
			throw new UploadLimitExceeded(UploadLimits.PREFIX + "max-inflated-size", this.fileName, 0,
					"the workbook inflates to " + Sizes.megabytes(declared) + ", more than the "
							+ Sizes.megabytes(this.limits.maxInflatedSize().toBytes()) + " allowed");
		}
	}

	/**
	 * The size the central directory declares for a part, -1 when it declares none or
	 * there is no such part.
	 */
	long declaredSize(String partName) {
		ZipArchiveEntry entry = getEntry(partName.startsWith("/") ? partName.substring(1) : partName);
		return (entry != null) ? entry.getSize() : -1;
	}

	/** The reads that follow get the smaller limit of parts read whole. */
	void readingMetadata() {
		this.entryLimit = this.limits.maxMetadataSize().toBytes();
		this.entryLimitName = "max-metadata-size";
		this.reading = "a part of the workbook";
	}

	/**
	 * The reads that follow are of a streamed part (a sheet, the shared strings),
	 * described as {@code what}.
	 */
	void readingStreamed(String what) {
		this.entryLimit = this.limits.maxEntrySize().toBytes();
		this.entryLimitName = "max-entry-size";
		this.reading = what;
	}

	/** The limit a read passed, or null while none was. */
	UploadLimitExceeded exceeded() {
		return this.exceeded;
	}

	@Override
	public Enumeration<? extends ZipArchiveEntry> getEntries() {
		return Collections.enumeration(this.entries);
	}

	@Override
	public ZipArchiveEntry getEntry(String path) {
		ZipArchiveEntry entry = this.zip.getEntry(path);
		if (entry == null) {
			// POI looks parts up case-insensitively, as the package format says
			entry = this.entries.stream().filter(e -> e.getName().equalsIgnoreCase(path)).findFirst().orElse(null);
		}
		return entry;
	}

	@Override
	public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
		String what = this.reading;
		long limit = this.entryLimit;
		String limitName = this.entryLimitName;
		if (entry.getSize() > limit) {
			throw fail(limitName, what + " (" + entry.getName() + ") inflates to " + Sizes.megabytes(entry.getSize())
					+ ", more than the " + Sizes.megabytes(limit) + " allowed");
		}
		return new FilterInputStream(this.zip.getInputStream(entry)) {

			private long read;

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					count(n);
				}
				return n;
			}

			private void count(int n) throws IOException {
				this.read += n;
				WorkbookArchive.this.inflated += n;
				if (this.read > limit) {
					throw fail(limitName, what + " (" + entry.getName() + ") inflates to more than the "
							+ Sizes.megabytes(limit) + " allowed");
				}
				if (WorkbookArchive.this.inflated > WorkbookArchive.this.limits.maxInflatedSize().toBytes()) {
					throw fail("max-inflated-size", "the workbook inflates to more than the "
							+ Sizes.megabytes(WorkbookArchive.this.limits.maxInflatedSize().toBytes()) + " allowed");
				}
			}

		};
	}

	private IOException fail(String limitName, String message) {
		if (this.exceeded == null) {
			this.exceeded = new UploadLimitExceeded(UploadLimits.PREFIX + limitName, this.fileName, 0, message);
		}
		return new IOException(message);
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.zip.close();
	}

	@Override
	public boolean isClosed() {
		return this.closed;
	}

}
