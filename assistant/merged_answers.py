"""One answer for a message that asked several questions, each answered on its own."""

from __future__ import annotations

import time

from actiewijzer.assistant.models import Answer, Citation, GroundingCheck, QuestionKind


def merge_answers(question: str, answers: list[Answer], started: float) -> Answer:
    """One answer for a message that asked two questions: both texts, every citation once."""
    citations: dict[tuple[str, str], Citation] = {}
    for citation in (c for a in answers for c in a.citations):
        key = (citation.doc, citation.id)
        if earlier := citations.get(key):
            quotes = list(dict.fromkeys([*earlier.quotes, *citation.quotes]))
            citation = earlier.model_copy(update={"quotes": quotes})
        citations[key] = citation
    checks = [a.grounding for a in answers]
    refused = all(a.refused for a in answers)
    texts = list(dict.fromkeys(a.answer for a in answers))
    # Two refusals: "Dat staat niet in de documenten." once, not above the one that says more.
    texts = [t for t in texts if not any(o != t and o.startswith(t) for o in texts)]
    return Answer(
        question=question,
        answer="\n\n".join(_same_cards_once(texts)),
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


_ITEM = ("- ", "  ")  # a listed line, or a detail under one


def _same_cards_once(texts: list[str]) -> list[str]:
    """ "Budget van actieplan X:" above each part's lines reads as two answers on one card: the
    later part's new lines join the block that first named the card, less what it told."""
    blocks: list[list[str]] = []
    for block in (b for text in texts for b in text.split("\n\n")):
        heading, *lines = block.split("\n")
        same = next((b for b in blocks if lines and b[0] == heading and len(b) > 1), None)
        if same is None:
            blocks.append([heading, *lines])
            continue
        new = [line for line in lines if not _told(line, same[1:])]
        # New items go after the block's last item, above a note such as "Let op: ...".
        items = [i for i, line in enumerate(same) if line.startswith(_ITEM)]
        at = items[-1] + 1 if items else len(same)
        same[at:at] = [line for line in new if line.startswith(_ITEM)]
        same.extend(line for line in new if not line.startswith(_ITEM))
    return ["\n".join(block) for block in blocks]


def _told(line: str, kept: list[str]) -> bool:
    """Whether the block's lines already hold the line: whole, or in pieces ("A. B." after
    "A." and "B.")."""
    rest = line.removeprefix("- ")
    for other in sorted((k.removeprefix("- ").strip() for k in kept), key=len, reverse=True):
        rest = rest.replace(other, "") if other else rest
    return not rest.strip(" .,;:-")
