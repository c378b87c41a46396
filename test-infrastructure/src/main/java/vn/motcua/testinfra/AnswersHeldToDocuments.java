package vn.motcua.testinfra;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Says after a module's tests how many of their answers were held to the service's API document (AnswersAsDocumented). */
public final class AnswersHeldToDocuments implements TestExecutionListener {
    private static final AtomicInteger HELD = new AtomicInteger();

    static void held() {
        HELD.incrementAndGet();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (HELD.get() > 0) {
            System.out.println("AnswersAsDocumented: " + HELD.get() + " answers of these tests were as the service's API document says");
        }
    }
}
