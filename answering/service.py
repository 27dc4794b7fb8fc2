"""The answer service: question (+ history) in, a cited answer or an honest abstention out."""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from answering.abbreviations import Abbreviations, load_abbreviations
from answering.condense import (
    Condensed,
    asked_then_told,
    compared_with,
    condense,
    question_parts,
    refers_back,
    told_of_oneself,
    told_then_asked,
    with_issuers_document,
)
from answering.evidence import (
    Evidence,
    Passage,
    Sentence,
    compared_figure,
    counts_unit,
    select_evidence,
    sentences_of,
    side_ahead,
    yes_or_no,
)
from answering.generative import ground, render_answer_prompt
from answering.listing import list_item, ordinal_asked
from answering.llm import ChatModel, LLMError
from answering.prompts import load_prompt
from answering.question import (
    COMPARISON_CLAIMED,
    DISTRIBUTIVE,
    DOCUMENT_KINDS,
    SIDE_AHEAD_ASKED,
    QuestionAnalysis,
    QuestionType,
    analyse,
    content_terms,
    expand_document_references,
    is_document_of_kind,
    names_in,
    place_with_diacritics,
    places_in,
    without_alternative,
    without_courtesy,
    without_exclusion,
    without_instructions,
)
from answering.quiz import Quiz, as_question, chosen
from answering.synonyms import Synonyms, load_synonyms
from answering.timeline import (
    Comparison,
    date_question,
    event_question,
    first_event_day,
    gap_words,
    is_event,
    issue_claim,
    parse_date,
    stated_date,
)
from answering.types import Answer, Citation, Retrieved, Turn
from cqdt.library import Library, SearchFilters
from cqdt.records import SearchHit, StoredChunk
from cqdt.vietnamese import (
    digits_for_counts,
    fold,
    has_diacritics,
    mostly_unaccented,
    nfc,
    pair_frequency,
    respelled,
    strip_diacritics,
    syllables,
)
from ingest.entities import document_numbers

# Issuers there is one of: a 'kế hoạch của UBND quận …' may be any district's, which the library may lack.
_ONE_OF_A_KIND = frozenset({"quoc hoi", "chinh phu", "thanh uy"})
NOT_FOUND = "Tài liệu hiện có không chứa thông tin để trả lời câu hỏi này."
_PUBLICATION_WORDS = frozenset("bai viet bao tin dang duoc ngay nao xuat ban tai".split())
_PUBLICATION = re.compile(r"\b(duoc dang|dang ngay|ngay dang|dang tai|xuat ban|dang bai|bai viet|bai bao|bai)\b")
_END_PUNCT = re.compile(r"[.!?…:;]+$")
_COMPARISON = re.compile(r"\b(?:hon|so voi|so sanh|chenh lech)\b")
# What is not a figure to compare: document numbers and dates, years, periods ('sơ kết 2 năm').
_NOT_FIGURE = re.compile(r"\S*\d[-/]\S*|\b(?:19|20)\d\d\b|\b\d+ (?:năm|tháng|quý)\b")


_JOIN = r"(?:,|\bva\b|\bvoi\b|\bhoac\b)"
_TITLE = r"(?:quan|phuong|huyen|thanh pho|tp)"


def _without_places(text: str, places: Sequence[str]) -> str:
    """`text` asked of one place only: 'Long Biên và quận Nam Từ Liêm mỗi quận có …' without Nam Từ
    Liêm -> 'Long Biên có …' (the place goes with its joining word and title; 'mỗi quận' goes too)."""
    text = nfc(text)
    folded = fold(text)
    if len(folded) != len(text):  # spans would not line up
        return text
    spans = [m.span() for m in DISTRIBUTIVE.finditer(folded)]
    for place in places:
        pattern = rf"(?:\s*{_JOIN})?\s*(?:\b{_TITLE}\s+)?\b{re.escape(place)}\b"
        spans += [m.span() for m in re.finditer(pattern, folded)]
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]
    text = " ".join(text.split()).replace(" ?", "?").replace(" ,", ",")
    leading = re.match(rf"{_JOIN}\s*", fold(text))  # the first place went: 'và quận X …' -> 'quận X …'
    return text[leading.end() :] if leading else text


# A document asked about by what it is, not by its number: 'văn bản của Chính phủ', 'quyết định đó'.
_UNNAMED_DOCUMENT = re.compile(rf"\b({DOCUMENT_KINDS})\b.*\b(?:ban hanh|duoc ky|ky)\b")


def _document_kind_dated(analysis: QuestionAnalysis) -> str:
    """The kind of document a date question names without its number ('nghị định'), else ''."""
    asked = _UNNAMED_DOCUMENT.search(fold(analysis.text))
    if analysis.qtype is not QuestionType.DATE or analysis.doc_numbers or not asked:
        return ""
    return asked.group(1)


def _cite(text: str, n: int) -> str:
    """'… hồ sơ.' -> '… hồ sơ [1].': the marker sits inside the sentence it supports."""
    text = text.strip()
    match = _END_PUNCT.search(text)
    if match and match.group() != ":":
        return f"{text[: match.start()]} [{n}]{match.group()}"
    return f"{text} [{n}]"


def _parts(condensed: Condensed) -> list[Condensed]:
    """A compound question as its parts; each later part reads like a follow-up of the first
    ('…, còn Nam Từ Liêm thì sao?'), so it keeps the first part's subject when it leaves it out."""
    parts, standalone = question_parts(condensed.question)
    if len(parts) == 1:
        return [condensed]

    def alone(part: str) -> Condensed:
        search = f"{condensed.context}? {part}" if condensed.context else part
        return Condensed(search, part, condensed.context, condensed.carried_years)

    if standalone:  # 'A và B lần lượt là ai?': each part names its own subject
        return [alone(part) for part in parts]
    first = parts[0]

    def after_first(part: str) -> Condensed:
        read = condense(part, [Turn("user", first)])
        named = places_in(part) or document_numbers(part) or names_in(part)
        if not (read.context or named) and len(content_terms(part)) <= 5:
            # '…, và đạt bao nhiêu phần trăm chỉ tiêu?' is asked of the first part's subject; one
            # naming its own place, document or person, or saying more, is asked of that.
            # Searched as it is, answered in the first part's place and year ('Năm 2021 … bao nhiêu
            # …, và đạt bao nhiêu …').
            return Condensed(read.search, part, first, shares_years=True)
        return read

    return [alone(first)] + [after_first(part) for part in parts[1:]]


def _renumber(text: str, numbers: dict[int, int]) -> str:
    return re.sub(r"\[(\d+)\]", lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", text)


def _in_text_order(citations: Sequence[Citation], text: str) -> tuple[list[Citation], str, bool]:
    """Citations numbered as the text first cites them."""
    order = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", text)))
    numbers = {old: new for new, old in enumerate(order, start=1)}
    renumbered = sorted((replace(c, n=numbers[c.n]) for c in citations if c.n in numbers), key=lambda c: c.n)
    return renumbered, _renumber(text, numbers), False


def _place_figures(
    analysis: QuestionAnalysis, texts_of: Callable[[str], Sequence[str]]
) -> list[tuple[str, str]] | None:
    """Each of the two places asked, as written, with the figure of what is compared (a rate when a
    rate is asked) in the texts speaking of it: of several, the one said in most of the question's
    words, the first of equals. None when a place has none."""
    rate = analysis.unit == "phan tram" or bool(re.search(r"\bty le\b|%", fold(analysis.text)))
    terms = set(analysis.terms) - set(" ".join(analysis.places).split())
    sides: list[tuple[str, str]] = []
    for place in analysis.places:
        figures = [
            figure
            for text in texts_of(place)
            if (figure := compared_figure(text, analysis.unit, rate, terms)) is not None
        ]
        if not figures:
            return None
        sides.append((place_with_diacritics(place) or place, max(figures, key=lambda f: f[1])[0]))
    return sides


def _ahead(way: str, analysis: QuestionAnalysis, texts_of: Callable[[str], Sequence[str]]) -> str | None:
    sides = _place_figures(analysis, texts_of)
    return side_ahead(way, sides) if sides else None


def merge_parts(answers: Sequence[tuple[str, tuple[list[Citation], str, bool]]]) -> tuple[list[Citation], str, bool]:
    """One answer from the answers to a compound question's parts: citations numbered once, a quote
    cited by two parts shown once, a part the documents do not answer said so."""
    if len(answers) == 1 or all(abstained for _, (_, _, abstained) in answers):
        return answers[0][1]
    citations: list[Citation] = []
    texts: list[str] = []
    for question, (cited, text, abstained) in answers:
        if abstained:
            texts.append(f"Về «{question.rstrip(' ?')}»: {text}")
            continue
        numbers: dict[int, int] = {}
        new = False
        for citation in cited:
            same = next(
                (c for c in citations if (c.doc_id, c.start, c.end) == (citation.doc_id, citation.start, citation.end)),
                None,
            )
            if same is None:
                same = replace(citation, n=len(citations) + 1)
                citations.append(same)
                new = True
            numbers[citation.n] = same.n
        if new:
            shown = _renumber(text, numbers)
            asked = places_in(question)
            if asked and not set(asked) <= set(places_in(text)):
                # 'UBND 14 phường của quận …' does not say which district the part asked about.
                shown = f"Về «{question.rstrip(' ?')}»: {shown}"
            texts.append(shown)
    return citations, " ".join(texts), False


@dataclass(frozen=True)
class StreamEvent:
    """A piece of answer text as it is produced, or (last) the complete Answer."""

    text: str = ""
    answer: Answer | None = None


class _NothingSupported(LLMError):
    def __init__(self) -> None:
        super().__init__(
            vi="Không câu nào mô hình sinh ra được tài liệu chứng minh.", en="no generated sentence was supported"
        )


def _passage(chunk: StoredChunk, rank: int = 0) -> Passage:
    return Passage(chunk.doc_id, chunk.chunk_id, chunk.title, chunk.date, chunk.start, chunk.text, rank)


def _display_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _rereadings(quiz: Quiz, history: Sequence[Turn]) -> list[tuple[str, list[Turn]]]:
    """Other readings of a question the documents did not answer as read, to try in turn."""
    if quiz.choices or history:
        return []
    told, asked = told_then_asked(quiz.question)
    if told:
        # 'Thu hồi đất vốn dễ gây căng thẳng. Năm 2021 Long Biên có phải cưỡng chế không?': what it
        # tells first may mislead the reading of the whole; asked as a follow-up to what it told.
        readings = [(asked, [Turn("user", told)])]
        if told_of_oneself(told) and not refers_back(asked):
            # 'Em mới về phường. …?': what the asker tells of himself is no subject of the question.
            readings.append((asked, []))
        return readings
    told, asked = asked_then_told(quiz.question)
    # '… có những đồng chí nào xuống dự ấy nhỉ, tôi nhớ mang máng …?': what he recalls after it.
    return [(asked, [])] if told else []


class Assistant:
    """Answers questions from the documents in a Library. Build one per process."""

    def __init__(
        self,
        library: Library,
        *,
        llm: ChatModel | None = None,
        answer_k: int = 8,
        synonyms: Synonyms | None = None,
        abbreviations: Abbreviations | None = None,
    ) -> None:
        self.library = library
        self.llm = llm
        self.answer_k = answer_k
        self.synonyms = load_synonyms() if synonyms is None else synonyms
        self.abbreviations = load_abbreviations() if abbreviations is None else abbreviations
        self._answer_prompt = load_prompt("answer")
        self._condense_prompt = load_prompt("condense")
        self._accented_df: tuple[str, Counter[str], int] = ("", Counter(), 0)
        self._folded: dict[str, tuple[str, str]] = {}

    def _accented_frequency(self) -> tuple[Counter[str], int]:
        """How many chunks hold each syllable and 'a_b' pair with its diacritics, and how many chunks
        there are; recounted when the library changes."""
        fingerprint, chunks = self.library.committed_chunks()
        if fingerprint != self._accented_df[0]:
            df = pair_frequency(f"{chunk.title}\n{chunk.text}" for chunk in chunks)
            self._accented_df = (fingerprint, df, len(chunks))
        return self._accented_df[1], self._accented_df[2]

    def _idf_function(self) -> Callable[[str], float]:
        """IDF of a syllable or 'a_b' phrase as the answerer compares them: with diacritics when the
        unit has them ('lương' and 'lượng' differ), else from the diacritic-folded lexical index."""
        accented_df, n = self._accented_frequency()
        folded_idf = self.library.idf

        def idf(unit: str) -> float:
            if not has_diacritics(unit):
                return folded_idf(unit)
            return math.log1p((n - accented_df[unit] + 0.5) / (accented_df[unit] + 0.5))

        return idf

    def _folded_text(self, doc_id: str) -> str:
        """A document's cleaned text as folded syllables, cached per version (for constraint checks)."""
        text = self.library.text(doc_id)
        cached = self._folded.get(doc_id)
        if cached is None or cached[0] is not text:
            cached = (text, " ".join(syllables(text)))
            self._folded[doc_id] = cached
        return cached[1]

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: SearchFilters | None = None,
        *,
        id: str | None = None,
        use_llm: bool = False,
    ) -> Answer:
        final: Answer | None = None
        for event in self.ask_stream(question, history, filters, id=id, use_llm=use_llm):
            if event.answer is not None:
                final = event.answer
        assert final is not None
        return final

    def ask_stream(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: SearchFilters | None = None,
        *,
        id: str | None = None,
        use_llm: bool = False,
    ) -> Iterator[StreamEvent]:
        """Text as it is produced, then the final, checked Answer (always the last event)."""
        started = time.perf_counter()
        question = self.library.clean_query(question)
        notes: list[str] = []
        generative = use_llm and self.llm is not None
        if use_llm and self.llm is None:
            notes.append("Chưa cấu hình mô hình ngôn ngữ (CQDT_LLM_BASE_URL); đã trả lời bằng trích xuất.")

        # Chat shorthand ('Bí thư ĐU', 'P. Bồ Đề') written out, in the question and the turns it follows.
        history = [Turn(turn.role, self.abbreviations.expand(turn.content)) for turn in history]
        # 'hn doi thoai p Bồ Để co bn y kien': a few accented words in accentless typing would make the
        # rest compared with diacritics, which it lacks; the question is compared without them all.
        typed = strip_diacritics(question) if mostly_unaccented(question) else question
        quiz = as_question(without_exclusion(without_alternative(without_courtesy(without_instructions(typed)))))
        # 'cưỡng chê' typed for 'cưỡng chế': a tone mark the documents never pair that way put right.
        spelled = respelled(self.abbreviations.expand(quiz.question), self._accented_frequency()[0])
        condensed = self._condense(spelled, history, generative, notes)
        condensed = self._expand_references(condensed)
        # A generative model reads a compound question whole; the extractive answerer answers each part.
        parts = [condensed] if generative else _parts(condensed)
        asked: list[tuple[QuestionAnalysis, list[SearchHit]]] = []
        for part in parts:
            analysis = analyse(
                # Counts in digits as the documents write them ('sáu năm' -> '6 năm'); the search keeps
                # the words, which the dense model reads as well.
                digits_for_counts(part.question),
                digits_for_counts(part.context),
                enforce_years=not part.carried_years,
                context_years=part.shares_years,
                synonyms=self.synonyms,
                anchors=part.anchors,
            )
            asked.append((analysis, self._retrieve(part.search, analysis, filters)))
        hits = list({h.chunk.chunk_id: h for _, part_hits in asked for h in part_hits}.values())
        retrieved_at = time.perf_counter()
        mode = "extractive"
        result: tuple[list[Citation], str, bool] | None = None
        if generative and hits:
            try:
                for event in self._generate(condensed.question, hits, notes):
                    if isinstance(event, str):
                        yield StreamEvent(text=event)
                    else:
                        result = event
                        mode = "generative"
            except LLMError as exc:
                notes.append(f"{exc.vi} Đã trả lời bằng trích xuất.")
        streamed = result is not None
        choice = None
        if result is None:
            compared = self._dates_compared(condensed.question, quiz.choices)
            if compared is not None:
                result, choice = compared
        if result is None:
            result = self._issue_date_checked(condensed.question)
        if result is None and len(asked) == 1:
            result = self._list_item(condensed, asked[0][1])
        if result is None:
            answers = [(a, self._answer(a, part_hits)) for a, part_hits in asked]
            result = merge_parts([(a.text, answer) for a, answer in answers])
            missing = [(a.text, answer[1]) for a, answer in answers if answer[2]]
            if missing and len(answers) == 2 and compared_with(condensed.question):
                # '… bao nhiêu …, cao hơn Long Biên không?': with one side's figure missing, there is no comparing.
                said = " ".join(f"Về «{question.rstrip(' ?')}»: {text}" for question, text in missing)
                result = ([], f"Không so sánh được. {said}", True)
            ahead = self._side_ahead_of_parts(condensed.question, answers) if len(answers) > 1 else None
            if ahead and not result[2]:
                result = (result[0], f"{ahead}. {result[1]}", False)
        retrieved = tuple(Retrieved(h.chunk.doc_id, h.chunk.chunk_id, h.score, h.chunk.text) for h in hits)
        search_query = condensed.search
        for retried, turns in _rereadings(quiz, history) if result[2] else ():
            retry = self.ask(retried, turns, filters)
            if not retry.abstained:
                result = (list(retry.citations), retry.answer, False)
                retrieved, search_query = retry.retrieved, retry.search_query
                break
        citations, text, abstained = result
        choice = choice or (None if abstained else chosen(quiz.choices, text))
        if choice:
            label, option = choice
            text += f"\n\nĐáp án: {f'{label}. ' if label else ''}{option}."
        added = text[len(result[1]) :] if streamed else text
        if added:
            yield StreamEvent(text=added)
        done = time.perf_counter()
        yield StreamEvent(
            answer=Answer(
                question=question,
                answer=text,
                abstained=abstained,
                citations=tuple(citations),
                retrieved=retrieved,
                timings_ms={
                    "retrieve": (retrieved_at - started) * 1000,
                    "answer": (done - retrieved_at) * 1000,
                    "total": (done - started) * 1000,
                },
                id=id,
                search_query=search_query,
                mode=mode,
                notes=tuple(notes),
            )
        )

    def _expand_references(self, condensed: Condensed) -> Condensed:
        """'Nghị định 32' as the library writes it ('32/2021/NĐ-CP'), for search and analysis alike."""

        def known() -> Iterator[str]:  # lazy: the catalog is read only if a question names a document
            return (n for record in self.library.documents() for n in record.doc_numbers)

        search = expand_document_references(condensed.search, known())
        question = expand_document_references(condensed.question, known())
        # 'văn bản nào của Quốc hội …': the one document of that kind and issuer the library holds.
        named = with_issuers_document(
            question, lambda fits: sorted({n for n in known() if fits(n)}), issuers=_ONE_OF_A_KIND, which_only=True
        )
        if named != question:
            question = named
            search = search if condensed.context else named
        return replace(condensed, search=search, question=question)

    def _condense(self, question: str, history: Sequence[Turn], generative: bool, notes: list[str]) -> Condensed:
        condensed = condense(question, history)
        if not generative or not history or condensed.search == question:
            return condensed
        assert self.llm is not None
        transcript = "\n".join(f"{'Người dùng' if t.role == 'user' else 'Trợ lý'}: {t.content}" for t in history[-6:])
        system, user = self._condense_prompt.render(history=transcript, question=question)
        try:
            rewritten = " ".join("".join(self.llm.stream(system, user)).split())
        except LLMError as exc:
            notes.append(f"{exc.vi} Đã viết lại câu hỏi theo quy tắc.")
            return condensed
        if not rewritten or len(rewritten) > 4 * len(condensed.search) + 200:
            return condensed  # an empty or rambling rewrite is worse than the rule-based one
        return Condensed(rewritten, rewritten)

    def _generate(
        self, question: str, hits: Sequence[SearchHit], notes: list[str]
    ) -> Iterator[str | tuple[list[Citation], str, bool]]:
        assert self.llm is not None
        passages = [_passage(h.chunk, h.rank) for h in hits[: self.library.settings.llm_passages]]
        system, user = render_answer_prompt(self._answer_prompt, question, passages)
        pieces: list[str] = []
        for delta in self.llm.stream(system, user):
            pieces.append(delta)
            yield delta
        grounded = ground("".join(pieces), passages)
        if grounded.not_found:
            yield [], NOT_FOUND, True
            return
        if grounded.dropped:
            first = grounded.dropped[0]
            notes.append(
                f"Đã bỏ {len(grounded.dropped)} câu không được tài liệu chứng minh, "
                f"ví dụ ({first.reason}): «{first.text[:200]}»"
            )
        if not grounded.citations:
            raise _NothingSupported
        yield list(grounded.citations), grounded.text, False

    def _retrieve(self, query: str, analysis: QuestionAnalysis, filters: SearchFilters | None) -> list[SearchHit]:
        """Passages for the question; plus, for a question that names several places, each place's best
        passages (one place's document tends to fill the whole top k), and the best lexical matches of
        the question said in the documents' words (the paraphrase lexicon's alternatives)."""
        hits = self.library.search(query, self.answer_k, filters)
        seen = {hit.chunk.chunk_id for hit in hits}

        def add(more: Sequence[SearchHit]) -> None:
            for hit in more:
                if hit.chunk.chunk_id not in seen:
                    seen.add(hit.chunk.chunk_id)
                    hits.append(hit)

        reworded = self.synonyms.alternatives_text(query, has_diacritics(query))
        if reworded:
            add(self.library.search(f"{query} {reworded}", 3, filters, mode="bm25"))
        # 'Quyết định 2200-QĐ/TU mà … nhắc tới … ban hành ngày nào?': the document may be dated only
        # in another article than the one the rest of the question is about; 'ai kết luận cả hội nghị
        # sơ kết 1 năm … lẫn hội nghị sơ kết Nghị quyết 15-NQ/TU': the second meeting's article too.
        for number in analysis.doc_numbers:
            dated = f"{number} ngày" if analysis.qtype is QuestionType.DATE else number
            add(self.library.search(dated, 3, filters, mode="bm25"))
        if len(analysis.places) < 2:
            return hits
        base = filters or SearchFilters()
        known = {place for record in self.library.documents() for place in record.places}
        for place in analysis.places:
            names = frozenset(
                name for name in known if fold(name).removeprefix("phuong ") == place.removeprefix("phuong ")
            )
            if not names or any(
                names & set(hit.chunk.places) and (not analysis.unit or counts_unit(hit.chunk.text, analysis.unit))
                for hit in hits[:3]
            ):
                continue  # a passage of the place, giving the count asked when one is, is already there
            scoped = SearchFilters(base.doc_ids, base.places | names, base.date_from, base.date_to)
            others = [other for other in analysis.places if other != place]
            add(self.library.search(_without_places(query, others), 5, scoped))
        return hits

    def _answer(self, analysis: QuestionAnalysis, hits: Sequence[SearchHit]) -> tuple[list[Citation], str, bool]:
        if not hits:
            return [], NOT_FOUND, True
        question = analysis.text
        passages = [_passage(h.chunk, h.rank) for h in hits]
        if analysis.qtype is QuestionType.DATE and _PUBLICATION.search(fold(question)):
            published = self._publication_date(analysis, passages)
            if published is not None:
                return published
        evidence: Evidence = select_evidence(
            analysis, passages, self._idf_function(), self.library.text, self._folded_text, synonyms=self.synonyms
        )
        kind = _document_kind_dated(analysis)
        if kind and not any(is_document_of_kind(n, kind) for s in evidence.sentences for n in document_numbers(s.text)):
            # 'Nghị định … mà quận căn cứ … ban hành ngày nào?' is not answered by another date.
            hop = self._date_of_named_document(analysis, kind, passages)
            if hop:
                return hop
        if not evidence.sentences:
            return [], evidence.abstain_reason or NOT_FOUND, True
        unmatched = self._places_unmatched(analysis, evidence.sentences)
        if unmatched:
            return [], f"Các tài liệu hiện có không có số liệu của {', '.join(unmatched)} để so sánh.", True
        groups = self._contiguous(evidence.sentences)
        citations = [self._citation(n, group) for n, group in enumerate(groups, start=1)]
        text = " ".join(_cite(c.quote, c.n) for c in citations)
        lead = evidence.lead or self._side_ahead(analysis, evidence.sentences)
        if lead:
            text = f"{lead}. {text}"
        elif analysis.qtype is QuestionType.YESNO:
            verdict = self._sides_claimed(analysis, evidence.sentences) or yes_or_no(
                question, evidence.sentences[0].text
            )
            text = f"{verdict}. {text}"
        return citations, text, False

    def _dates_compared(
        self, question: str, choices: Sequence[tuple[str, str]]
    ) -> tuple[tuple[list[Citation], str, bool], tuple[str, str] | None] | None:
        """'A ban hành sau B bao nhiêu ngày?', 'Văn bản nào ban hành trước?', 'A có diễn ra trước B không?':
        each document's date where an article cites it, each event's day where an article says it took
        place, compared; None when a date is not found."""
        asked = date_question(question, [option for _, option in choices]) or event_question(question)
        if asked is None:
            return None
        citations: list[Citation] = []
        dated: list[tuple[date, str]] = []  # (day, 'Kế hoạch số 100/KH-UBND (ngày 12/4/2021 [1])')
        verbs: list[str] = []  # how each came about: 'được ban hành', 'diễn ra'
        for anchor, label in zip(asked.anchors, asked.labels, strict=True):
            given = None if asked.events else parse_date(anchor)
            if given is not None:
                dated.append((given, label))
                verbs.append("là")
                continue
            # An event is dated by when it took place; a document, also among events, where it is cited.
            numbers = document_numbers(anchor) if asked.events else [anchor]
            if asked.events and (is_event(anchor) or not numbers):
                found, verb = self._held(anchor, len(citations) + 1), "diễn ra"
            else:
                found, verb = self._issued(numbers[0], len(citations) + 1), "được ban hành"
            if found is None:
                return None
            day, citation = found
            citations.append(citation)
            dated.append((day, f"{label} (ngày {day.day:02d}/{day.month}/{day.year} [{citation.n}])"))
            verbs.append(verb)
        if not citations:
            return None  # only dates the question gives: nothing from the documents to compare
        if asked.comparison is Comparison.ORDER:
            first = (max if asked.later else min)(range(len(dated)), key=lambda i: dated[i][0])
            if any(day == dated[first][0] for i, (day, _) in enumerate(dated) if i != first):
                return None  # a tie: no one of them came first
            others = ", ".join(label for i, (_, label) in enumerate(dated) if i != first)
            text = f"{dated[first][1]} {verbs[first]} {'sau' if asked.later else 'trước'} {others}."
            choice = next((c for c in choices if asked.anchors[first] in c[1]), None)
            return _in_text_order(citations, text), choice
        (earlier, _), (later, verb) = sorted(zip(dated, verbs, strict=True), key=lambda pair: pair[0][0])
        if earlier[0] == later[0]:
            relation = f"{dated[0][1]} và {dated[1][1]} cùng ngày"
        else:
            relation = f"{later[1]} {verb} sau {earlier[1]} {gap_words(earlier[0], later[0], asked.unit)}"
        relation = f"{relation[:1].upper()}{relation[1:]}."
        if asked.comparison is Comparison.CLAIM:
            (day_a, _), (day_b, _) = dated
            holds = day_a > day_b if asked.later else day_a < day_b
            relation = f"{'Có' if holds else 'Không'}. {relation}"
        return _in_text_order(citations, relation), None

    def _issue_date_checked(self, question: str) -> tuple[list[Citation], str, bool] | None:
        """'Quyết định 2200-QĐ/TU được ban hành năm 2015, đúng không?': the claim against the date an
        article gives the document; None when none does."""
        claim = issue_claim(question)
        if claim is None:
            return None
        issued = self._issued(claim.number, 1)
        if issued is None:
            # Nothing dates the document: neither a yes nor a no can be drawn from the library.
            return [], f"Các tài liệu hiện có không nêu ngày ban hành của {claim.label}.", True
        day, citation = issued
        verdict = "Có" if claim.holds(day) else "Không"
        return (
            [citation],
            f"{verdict}. {claim.label} được ban hành ngày {day.day:02d}/{day.month}/{day.year} [1].",
            False,
        )

    def _list_item(self, condensed: Condensed, hits: Sequence[SearchHit]) -> tuple[list[Citation], str, bool] | None:
        """'Nhiệm vụ thứ tư là gì?': the paragraph numbered 4 of a list the best passages retrieved for
        the question (and the turn it follows) fall in: of several, the one whose article title and
        introduction share most words with them ('sơ kết 1 năm' is not the review of 5 years); None
        when no such list has that item."""
        ordinal = ordinal_asked(condensed.question)
        if ordinal is None:
            return None

        def words(text: str) -> set[str]:
            return {t.lstrip("0") for t in syllables(text)}  # '01 năm' is '1 năm'

        asked = words(" ".join(content_terms(condensed.search)))
        best: tuple[int, SearchHit, tuple[int, int]] | None = None
        for hit in hits[:5]:
            chunk = hit.chunk
            text = self.library.text(chunk.doc_id)
            span = list_item(text, ordinal.n, (chunk.start, chunk.start + len(chunk.text)))
            if span is None:
                continue
            intro = text[max(0, min(chunk.start, span[0]) - 300) : span[0]]
            # What the question says of the item itself counts twice ('nhiệm vụ thứ 4 … Đề án 11-ĐA/TU').
            shared = len(asked & words(f"{chunk.title} {intro}")) + 2 * len(asked & words(text[span[0] : span[1]]))
            if best is None or shared > best[0]:  # the first of equals
                best = (shared, hit, span)
        if best is None:
            return None
        _, hit, (start, end) = best
        _, chunks = self.library.committed_chunks()
        # The item's own chunk: a long list runs over several.
        chunk = next((c for c in chunks if c.doc_id == hit.chunk.doc_id and c.start <= start < c.end), hit.chunk)
        quote = self.library.text(chunk.doc_id)[start:end].rstrip()
        citation = Citation(1, chunk.doc_id, chunk.title, chunk.date, chunk.chunk_id, quote, start, start + len(quote))
        return [citation], f"{ordinal.noun or 'Mục'} thứ {ordinal.n}: {_cite(quote, 1)}", False

    def _held(self, event: str, n: int) -> tuple[date, Citation] | None:
        """The day `event` took place, as the answer to 'event diễn ra ngày nào?' states it."""
        question = f"{event} diễn ra ngày nào?"
        analysis = analyse(question, synonyms=self.synonyms)
        citations, _, abstained = self._answer(analysis, self._retrieve(question, analysis, None))
        day = None if abstained or not citations else first_event_day(citations[0].quote)
        return None if day is None else (day, replace(citations[0], n=n))

    def _issued(self, number: str, n: int) -> tuple[date, Citation] | None:
        """The date document `number` was issued, where an article cites it, and the sentence saying so."""
        _, chunks = self.library.committed_chunks()  # in memory: no store round trip per document
        for record in self.library.documents():
            stated = stated_date(number, self.library.text(record.doc_id))
            if stated is None:
                continue
            day, start, end = stated
            for chunk in chunks:
                if chunk.doc_id == record.doc_id and chunk.start <= start and end <= chunk.end:
                    spans = sentences_of(_passage(chunk))
                    sentence = next((s for s in spans if s.start <= start and end <= s.end), None)
                    if sentence is not None:
                        return day, self._citation(n, [sentence])
        return None

    def _places_unmatched(self, analysis: QuestionAnalysis, sentences: Sequence[Sentence]) -> list[str]:
        """'Nam Từ Liêm giải quyết nhiều hơn Tây Hồ bao nhiêu hồ sơ?': a comparison needs a figure of each
        place; the places no evidence gives a figure of, as the question writes them."""
        if len(analysis.places) < 2 or not _COMPARISON.search(fold(analysis.text)):
            return []
        spoken: set[str] = set()
        for sentence in sentences:
            if re.search(r"\d", _NOT_FIGURE.sub(" ", sentence.text)):
                # 'quận Tây Hồ đã nghiêm túc …' names a place but gives it no figure to compare
                spoken |= self._places_spoken(sentence)
        return [place_with_diacritics(p) or p for p in analysis.places if p not in spoken]

    def _places_spoken(self, sentence: Sentence) -> set[str]:
        return self._places_spoken_at(sentence.passage.doc_id, sentence.start, sentence.end)

    def _places_spoken_at(self, doc_id: str, start: int, end: int) -> set[str]:
        """The folded places a span speaks of: named in it or just before it, or its document's own."""
        before = self.library.text(doc_id)[max(0, start - 300) : end]
        own = self.library.document(doc_id).places[:1]
        return {*places_in(before), *(fold(place).lower() for place in own)}

    def _side_ahead(self, analysis: QuestionAnalysis, sentences: Sequence[Sentence]) -> str | None:
        """'Long Biên cao hơn (99,82% so với 99,57% của Nam Từ Liêm)' for 'quận nào cao hơn?'."""
        asked = SIDE_AHEAD_ASKED.search(fold(analysis.text))
        sides = self._place_figures(analysis, sentences) if asked else None
        return side_ahead(asked.group("way"), sides) if asked and sides else None

    def _sides_claimed(self, analysis: QuestionAnalysis, sentences: Sequence[Sentence]) -> str | None:
        """'Không. Long Biên cao hơn (…)' for 'Nam Từ Liêm có cao hơn Long Biên không?', the places in
        the order the claim names them; None when it compares no two places the evidence gives figures of."""
        claim = COMPARISON_CLAIMED.match(fold(analysis.text))
        sides = self._place_figures(analysis, sentences) if claim else None
        if claim is None or not sides:
            return None
        first = claim.group("first")
        if not any(f" {place} " in f" {first.lower()} " for place in analysis.places[:1]):
            sides = sides[::-1]  # the question named the second place first
        if not any(f" {fold(name).lower()} " in f" {first.lower()} " for name, _ in sides[:1]):
            return None
        ahead = side_ahead(claim.group("way"), sides)
        return None if ahead is None else f"{'Có' if ahead.startswith(sides[0][0]) else 'Không'}. {ahead}"

    def _side_ahead_of_parts(
        self, question: str, answers: Sequence[tuple[QuestionAnalysis, tuple[list[Citation], str, bool]]]
    ) -> str | None:
        """'Quận nào có nhiều phường hơn: Long Biên hay Nam Từ Liêm?', answered place by place: which
        is ahead, from the figure each place's part cites."""
        asked = SIDE_AHEAD_ASKED.search(fold(question))
        whole = analyse(question, synonyms=self.synonyms) if asked else None
        if asked is None or whole is None or len(whole.places) != 2:
            return None
        cited = [c for _, (citations, _, abstained) in answers if not abstained for c in citations]
        spoken = [(c.quote, self._places_spoken_at(c.doc_id, c.start, c.end)) for c in cited]
        return _ahead(asked.group("way"), whole, lambda place: [quote for quote, at in spoken if place in at])

    def _place_figures(self, analysis: QuestionAnalysis, sentences: Sequence[Sentence]) -> list[tuple[str, str]] | None:
        """Each of the two places asked, as written, with the figure of what is compared that the
        evidence gives it; None when one has none."""
        if len(analysis.places) != 2:
            return None
        return _place_figures(analysis, lambda place: [s.text for s in sentences if place in self._places_spoken(s)])

    def _date_of_named_document(
        self, analysis: QuestionAnalysis, kind: str, passages: Sequence[Passage]
    ) -> tuple[list[Citation], str, bool] | None:
        """'Văn bản của Chính phủ làm căn cứ để … được ban hành ngày nào?': find the document of that
        `kind` the passages name for it, then the date it was issued, which another article may state."""
        which = replace(analysis, qtype=QuestionType.GENERAL)
        named = select_evidence(which, passages, self._idf_function(), self.library.text, synonyms=self.synonyms)
        numbers = [n for sentence in named.sentences for n in document_numbers(sentence.text)]
        number = next((n for n in numbers if is_document_of_kind(n, kind)), None)
        if number is None:
            return None
        dated_question = f"{number} ban hành ngày nào?"
        dated = analyse(dated_question, synonyms=self.synonyms)
        answer = self._answer(dated, self._retrieve(dated_question, dated, None))
        if answer[2]:
            return None
        naming = self._citation(1, list(named.sentences[:1]))
        return merge_parts([(analysis.text, ([naming], _cite(naming.quote, 1), False)), (dated_question, answer)])

    def _contiguous(self, sentences: Sequence[Sentence]) -> list[list[Sentence]]:
        """Adjacent sentences of one document (a list and its items) make one citation."""
        groups: list[list[Sentence]] = []
        for sentence in sentences:
            last = groups[-1][-1] if groups else None
            if (
                last is not None
                and last.passage.doc_id == sentence.passage.doc_id
                and 0 <= sentence.start - last.end <= 2
            ):
                groups[-1].append(sentence)
            else:
                groups.append([sentence])
        return groups

    def _citation(self, n: int, group: Sequence[Sentence]) -> Citation:
        first, last = group[0], group[-1]
        passage = first.passage
        quote = first.text if len(group) == 1 else self.library.text(passage.doc_id)[first.start : last.end]
        return Citation(
            n=n,
            doc_id=passage.doc_id,
            title=passage.title,
            date=passage.date,
            chunk_id=passage.chunk_id,
            quote=quote,
            start=first.start,
            end=last.end,
        )

    def _publication_date(
        self, analysis: QuestionAnalysis, passages: Sequence[Passage]
    ) -> tuple[list[Citation], str, bool] | None:
        """'Bài … được đăng ngày nào?': the date is the document's, cited by its title line. The title
        is matched by its words ('tổng kết một năm' shares 'kết', '1', 'năm' with 'sơ kết 01 năm'), in
        an article naming every place asked."""
        asked = set(syllables(analysis.text))
        # A long title is named by a few of its words ('bài về hội nghị đối thoại của phường Bồ Đề'),
        # a follow-up's by the earlier question's ('Bài viết về hội nghị này …').
        named = set(content_terms(f"{analysis.context} {analysis.text}")) - _PUBLICATION_WORDS
        best: Passage | None = None
        best_overlap = 0.0
        for passage in passages:
            if not all(f" {place} " in f" {self._folded_text(passage.doc_id)} " for place in analysis.places):
                continue
            title_terms = set(syllables(passage.title))
            overlap = len(asked & title_terms) / max(len(title_terms), 1)
            if len(named) >= 3:
                overlap = max(overlap, len(named & title_terms) / len(named))
            if passage.date and overlap > best_overlap:
                best, best_overlap = passage, overlap
        if best is None or best_overlap < 0.6:
            return None
        text = self.library.text(best.doc_id)
        at = text.find(best.title)
        if at < 0:
            return None
        citation = Citation(1, best.doc_id, best.title, best.date, best.chunk_id, best.title, at, at + len(best.title))
        answer = f"Bài «{best.title}» được đăng ngày {_display_date(best.date)} [1]."
        return [citation], answer, False
