"""One answer for a message that asked several questions, each answered on its own."""

from __future__ import annotations

import time

from actiewijzer.assistant.models import Answer, GroundingCheck, QuestionKind


def merge_answers(question: str, answers: list[Answer], started: float) -> Answer:
    """One answer for a message that asked two questions: both texts, every citation once."""
    citations = {(c.doc, c.id): c for a in answers for c in a.citations}
    checks = [a.grounding for a in answers]
    refused = all(a.refused for a in answers)
    texts = list(dict.fromkeys(a.answer for a in answers))
    # Two refusals: "Dat staat niet in de documenten." once, not above the one that says more.
    texts = [t for t in texts if not any(o != t and o.startswith(t) for o in texts)]
    return Answer(
        question=question,
        answer="\n\n".join(texts),
        refused=refused,
        citations=list(citations.values()),
        grounding=GroundingCheck(
            grounded=all(c.grounded for c in checks),
            checked=[item for c in checks for item in c.checked],
            unsupported=[item for c in checks for item in c.unsupported],
            dropped_sentences=[item for c in checks for item in c.dropped_sentences],
            citations_retrieved=all(c.citations_retrieved for c in checks),
            fell_back_to_extractive=any(c.fell_back_to_extractive for c in checks),
        ),
        backend="+".join(dict.fromkeys(a.backend for a in answers)),
        latency_ms=round((time.perf_counter() - started) * 1000, 1),
        kind=answers[0].kind if refused else QuestionKind.COMPARE,
    )
