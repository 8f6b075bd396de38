package de.amtsweg.cases;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.testsupport.AmtswegSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Case numbers: gap-free and unique, also for the first applications of a year arriving together. */
@AmtswegSpringTest
class CaseNumberTest {

  @Autowired CaseRepository cases;
  @Autowired TransactionTemplate transactions;

  @Test
  void concurrentFirstApplicationsOfAYearGetDistinctConsecutiveNumbers() throws Exception {
    String prefix = "T" + System.nanoTime() % 100000;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Long>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(() -> transactions.execute(tx -> cases.nextNumber(prefix, 2031)));
      }
      List<Long> numbers = new ArrayList<>();
      for (Future<Long> f : pool.invokeAll(tasks)) {
        numbers.add(f.get());
      }
      assertThat(numbers).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
      assertThat(cases.lastNumber(prefix, 2031)).isEqualTo(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRolledBackApplicationDoesNotUseUpANumber() {
    String prefix = "R" + System.nanoTime() % 100000;
    transactions.executeWithoutResult(tx -> {
      cases.nextNumber(prefix, 2031);
      tx.setRollbackOnly();
    });
    Long next = transactions.execute(tx -> cases.nextNumber(prefix, 2031));
    assertThat(next).isEqualTo(1L);
  }
}
