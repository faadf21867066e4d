package org.wirereclassifier.pass;

import org.springframework.batch.core.listener.StepListener;

/**
 * A bean that watches the classification step: every such bean is registered on the step as a listener (of the
 * kinds it implements), and as a stream if it is an {@code ItemStream}, updated after the writer, just before each
 * commit. Progress reporting, metrics, and the tests' crash injection use it.
 */
public interface ClassificationStepObserver extends StepListener {
}
