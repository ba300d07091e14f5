from newsprism.model import Article
from newsprism.pipeline import PIPELINE_VERSION, analyze_paths, ingest_paths


def test_ingest_report_counts(store, write, tmp_path):
    write("in/a.txt", "Title\nBody one.\n")
    write("in/b.txt", "Title\nBody two.\n")
    write("in/c.txt", "")
    report = ingest_paths([tmp_path / "in"], store)
    assert (report.read, report.added, report.duplicates, report.failed) == (2, 2, 0, 1)
    assert report.problems[0].path.endswith("c.txt")


def test_analyze_resumes_where_it_stopped(store, write, tmp_path):
    write("in/a.txt", "Title\nBody one.\n")
    write("in/b.txt", "Title\nBody two.\n")
    ingest_paths([tmp_path / "in"], store)  # as if a run died after ingesting
    report = analyze_paths([tmp_path / "in"], store)
    assert report.added == 0 and report.duplicates == 2 and report.analyzed == 2
    assert store.pending_analysis(PIPELINE_VERSION) == []
    assert analyze_paths([tmp_path / "in"], store).analyzed == 0


def test_listener_sees_every_item(store, write, tmp_path):
    write("in/a.txt", "Title\nBody.\n")
    write("in/z.txt", "")
    seen = []
    ingest_paths([tmp_path / "in"], store, listener=seen.append)
    assert [type(s).__name__ for s in seen] == ["Article", "InputError"]
    assert isinstance(seen[0], Article)


def test_the_spacy_pipeline_is_loaded_afresh_once_its_vocabulary_has_grown(monkeypatch):
    from newsprism import nlp, pipeline
    from newsprism.config import Settings

    settings = Settings()
    articles = [Article(id="v1", text="Mayor Ilse Quarnby said the Zwolberg tram would cost €12 million.")]
    first = pipeline.analyze_batch(articles, settings)
    monkeypatch.setattr(pipeline, "VOCABULARY_GROWTH", -1)  # any vocabulary is too big now
    before = nlp.load(settings.spacy_model)
    assert pipeline.analyze_batch(articles, settings) == first
    assert nlp.load(settings.spacy_model) is not before
