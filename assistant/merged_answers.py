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
    later part's new lines join the lines under the heading that first named the card (also
    inside a comparison, "per bron"), less what they told. Two parts comparing the same cards
    say "Ter vergelijking, per bron:" once."""
    blocks: list[list[str]] = []
    for block in (b for text in texts for b in text.split("\n\n")):
        left: list[str] = []
        for heading, *lines in _card_segments(block.split("\n")):
            found = next(
                ((b, at) for b in blocks for at, line in enumerate(b) if line == heading),
                None,
            )
            if found is not None and not lines and not _names_card(heading):
                continue  # "Ter vergelijking, per bron:" said once
            if found is None or not _one_card(heading, lines):
                left += [heading, *lines]
                continue
            same, at = found
            end = next(
                (i for i in range(at + 1, len(same)) if not same[i].startswith(_ITEM)), len(same)
            )
            items = [line for line in lines if line.startswith(_ITEM)]
            items = [line for line in items if not _told(line, same[at + 1 : end])]
            notes = [line for line in lines if not line.startswith(_ITEM) and line not in same]
            # New items go after the heading's last item, above a note such as "Let op: ...".
            same[end:end] = [*items, *notes]
        if left:
            blocks.append(left)
    return ["\n".join(block) for block in blocks]


def _names_card(line: str) -> bool:
    """ "Volgens actie 01/11/SAP/02/09 „Regie ...” (...):": a heading naming a card."""
    return line.endswith(":") and "„" in line and not line.startswith(_ITEM)


def _card_segments(lines: list[str]) -> list[list[str]]:
    """A block cut before each card heading: a comparison's intro, then each card with its
    lines; a block of one card stays whole."""
    segments: list[list[str]] = []
    for line in lines:
        if not segments or _names_card(line):
            segments.append([line])
        else:
            segments[-1].append(line)
    return segments


def _one_card(heading: str, lines: list[str]) -> bool:
    """A card's heading ("Volgens actie ...:") with its lines and notes; not an intro above
    several cards ("Ter vergelijking, per bron:"), whose cards' headings end in a colon too."""
    return (
        heading.endswith(":")
        and not heading.startswith(_ITEM)
        and any(line.startswith(_ITEM) for line in lines)
        and not any(line.endswith(":") for line in lines if not line.startswith(_ITEM))
    )


def _told(line: str, kept: list[str]) -> bool:
    """Whether the block's lines already hold the line: whole, or in pieces ("A. B." after
    "A." and "B.")."""
    rest = line.removeprefix("- ")
    for other in sorted((k.removeprefix("- ").strip() for k in kept), key=len, reverse=True):
        rest = rest.replace(other, "") if other else rest
    return not rest.strip(" .,;:-")
