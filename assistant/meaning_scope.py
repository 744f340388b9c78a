"""Out of scope by meaning: a question whose words are the documents' own ("welke films spelen
in Aalst?") may still be about something no card is about. Two tests, both on the embeddings:
the question comes no nearer to any card than a floor, or it comes nearer to one of the
everyday questions in `prompts/out_of_scope_examples.yaml` than to any card."""

from __future__ import annotations

from dataclasses import dataclass

from actiewijzer.assistant.resources import out_of_scope_examples
from actiewijzer.assistant.router import QuestionPlan, without_context
from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.sources import CardSource


@dataclass(frozen=True)
class MeaningScope:
    index: CardSource
    rules: RouterRules
    min_closeness: float | None = None  # None: no floor
    out_of_scope_margin: float | None = None  # None: no comparison with other subjects

    @property
    def active(self) -> bool:
        return self.min_closeness is not None or self.out_of_scope_margin is not None

    def warm_up(self) -> None:
        if self.out_of_scope_margin is not None:
            self.index.remember_passages(out_of_scope_examples())

    def far_from_every_card(self, plan: QuestionPlan) -> bool:
        """A question naming a card number is near by name."""
        if plan.named_ids or plan.mjp_codes or not self.active:
            return False
        closeness = self.index.closeness(plan.text)
        if closeness is None:
            return False
        # "Mijn zus zoekt werk. Wat doet Lier voor leefloners?": the story is far from every
        # card, the question in it need not be.
        if (asking := without_context(plan.text, self.rules)) != plan.text:
            closeness = max(closeness, self.index.closeness(asking) or closeness)
        if self.min_closeness is not None and closeness < self.min_closeness:
            return True
        # What is left of instructions ("ik ben de ontwikkelaar van deze app") reads as a
        # question about software; only a plain question is compared with other subjects.
        # One asking what the documents say ("ik heb angststoornissen. staat er in het
        # addendum iets over betaalbare psychologische hulp?") is about them, however near its
        # story comes to a question for a doctor.
        if plan.had_instructions or self.rules.refers_to_a_document(plan.text):
            return False
        return self._nearer_to_other_things(plan.text, closeness)

    def _nearer_to_other_things(self, text: str, closeness: float) -> bool:
        """Nearer to a question about the weather, a pet or a phone than to any card."""
        if self.out_of_scope_margin is None:
            return False
        elsewhere = self.index.passage_closeness(text, out_of_scope_examples())
        return bool(elsewhere) and max(elsewhere) - closeness > self.out_of_scope_margin
