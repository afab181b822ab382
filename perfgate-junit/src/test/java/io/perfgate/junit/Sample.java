package io.perfgate.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sample test class that only {@link SampleRuns} runs (through the JUnit Platform test kit). Samples are
 * static nested classes, which surefire does not discover; this condition also keeps an IDE that runs the whole
 * package from running them on their own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Sample.OnlyInSampleRuns.class)
public @interface Sample {

    String PARAMETER = "perfgate.test.samples";

    final class OnlyInSampleRuns implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by SampleRuns")
                    : ConditionEvaluationResult.disabled("a sample for perfgate's own tests; SampleRuns runs it");
        }
    }
}
