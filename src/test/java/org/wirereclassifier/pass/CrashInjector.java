package org.wirereclassifier.pass;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.wirereclassifier.archive.ArchiveItem;

/**
 * Makes the classification step fail once, at a chosen point: after the n-th item read or processed, after the
 * n-th chunk was written (files written, nothing flushed yet), or between the n-th flush of the amended files and
 * the commit that would record it.
 */
class CrashInjector implements ClassificationStepObserver, ItemReadListener<ArchiveItem>,
		ItemProcessListener<ArchiveItem, ArchiveItem>, ItemWriteListener<ArchiveItem>, ItemStream {

	enum Point {

		READ, PROCESS, WRITE, BETWEEN_FLUSH_AND_COMMIT

	}

	private volatile Point point;

	private final AtomicInteger countdown = new AtomicInteger();

	/** Fails once, the {@code n}-th time the step passes {@code point}. */
	void arm(Point point, int n) {
		this.countdown.set(n);
		this.point = point;
	}

	void disarm() {
		this.point = null;
	}

	private void pass(Point here) {
		if (here == this.point && this.countdown.decrementAndGet() == 0) {
			this.point = null;
			throw new IllegalStateException("injected crash at " + here);
		}
	}

	@Override
	public void afterRead(ArchiveItem item) {
		pass(Point.READ);
	}

	/** Names of the threads that processed items since {@link #recordThreads()}. */
	private final Set<String> processingThreads = ConcurrentHashMap.newKeySet();

	void recordThreads() {
		this.processingThreads.clear();
	}

	Set<String> processingThreads() {
		return Set.copyOf(this.processingThreads);
	}

	@Override
	public void afterProcess(ArchiveItem item, ArchiveItem result) {
		this.processingThreads.add(Thread.currentThread().getName());
		pass(Point.PROCESS);
	}

	@Override
	public void afterWrite(Chunk<? extends ArchiveItem> items) {
		pass(Point.WRITE);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		pass(Point.BETWEEN_FLUSH_AND_COMMIT);
	}

}
