package org.liandong.oversight;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The obligation events oversight published and committed, as the ledger receives them: only what
 * a committed transaction published is recorded, so a refused action leaves nothing here.
 */
@TestComponent
class ObligationEvents {

	private final List<ObligationDue> due = new CopyOnWriteArrayList<>();
	private final List<ObligationSettled> settled = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(ObligationDue event) {
		due.add(event);
	}

	@TransactionalEventListener
	void on(ObligationSettled event) {
		settled.add(event);
	}

	List<ObligationDue> due(String subjectType, long subjectId) {
		return due.stream().filter(e -> e.subjectType().equals(subjectType) && e.subjectId() == subjectId).toList();
	}

	List<ObligationSettled> settled(String subjectType, long subjectId) {
		return settled.stream().filter(e -> e.subjectType().equals(subjectType) && e.subjectId() == subjectId).toList();
	}

	int dueCount() {
		return due.size();
	}
}
