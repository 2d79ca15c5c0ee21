"""The one rules file: read once into frozen typed sections, fingerprinted, and refused at
load with the key's name when a key is unknown, missing or of the wrong type."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

import game.content
from game.cli import main
from game.content import load_rules, maps_dir, rules_path
from game.sim.rules import RuleError, Rules

SHIPPED = rules_path().read_text(encoding="utf-8")

# Pinned on purpose: every recording names the rules it was played under by this digest, so
# reading the same rules.toml must give the same digest, however the loader is written. If a
# rule number changes on purpose, re-record the golden recordings and update this value.
SHIPPED_DIGEST = "f536a7f7cfa86d3fe8ed448edfd50140"


def edited(old: str, new: str) -> str:
    """The shipped rules text with one line changed (the line must exist)."""
    assert old in SHIPPED
    return SHIPPED.replace(old, new, 1)


def refusal(text: str) -> str:
    with pytest.raises(RuleError) as error:
        Rules.from_toml(text, "rules.toml")
    return str(error.value)


def test_the_shipped_rules_keep_the_digest_recordings_name_them_by():
    assert load_rules().digest == SHIPPED_DIGEST


def test_the_shipped_rules_give_back_exactly_the_table_they_were_read_from():
    rules = load_rules()
    assert rules.to_dict() == tomllib.loads(SHIPPED)
    assert Rules.from_dict(rules.to_dict()).digest == rules.digest


def test_shipped_rules_are_typed_and_cannot_be_changed():
    rules = load_rules()
    assert type(rules.crew.ap_per_turn) is int and rules.crew.ap_per_turn > 0
    assert rules.safe.crackers == ("cesar",)
    assert rules.kit["jo"] == ("drill", "umbrella", "rope")
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.crew.ap_per_turn = 99  # type: ignore[misc]
    with pytest.raises(TypeError):
        rules.vision.role["police"] = 99  # type: ignore[index]
    with pytest.raises(TypeError):
        rules.kit["tony"] = ("gun",)  # type: ignore[index]


def test_a_rule_that_does_not_exist_names_its_full_path():
    with pytest.raises(AttributeError, match=r"rules\.crew\.flying_speed"):
        _ = load_rules().crew.flying_speed
    with pytest.raises(AttributeError, match=r"rules\.guard_states\.nap_turns"):
        _ = load_rules().guard_states.nap_turns


def test_roles_fall_back_to_the_section_default():
    rules = load_rules()
    assert rules.vision.range_lit_of("police") == 10
    assert rules.vision.range_lit_of("guard") == rules.vision.range_lit
    assert rules.hearing.threshold_of("concierge") == 1
    assert rules.drill.speed_of("mario") == (2, 10)
    assert rules.drill.speed_of("tony") == (rules.drill.progress, rules.drill.loudness)


def test_a_drill_speed_may_name_only_its_progress():
    rules = Rules.from_toml(edited("jo = { progress = 1, loudness = 6 }", "jo = { progress = 3 }"))
    assert rules.drill.speed_of("jo") == (3, rules.drill.loudness)
    assert rules.to_dict()["drill"]["member"]["jo"] == {"progress": 3}


def test_changing_a_number_changes_the_digest():
    rules = load_rules()
    changed = rules.with_overrides({"crew": {"ap_per_turn": rules.crew.ap_per_turn + 1}})
    assert changed.digest != rules.digest
    assert changed.crew.ap_per_turn == rules.crew.ap_per_turn + 1
    assert changed.move.walk_ap == rules.move.walk_ap


def test_an_override_of_a_rule_that_does_not_exist_is_refused():
    with pytest.raises(RuleError, match=r"\[crew\] has an unknown key 'ap_per_trun'"):
        load_rules().with_overrides({"crew": {"ap_per_trun": 12}})


def test_an_unknown_key_is_refused_with_its_name():
    message = refusal(edited("walk_ap = 1 ", "wlak_ap = 1 "))
    assert message == (
        "rules.toml: [move] has an unknown key 'wlak_ap' — remove it or fix the spelling"
    )


def test_an_unknown_key_in_a_role_entry_is_refused():
    message = refusal(edited("mario = { progress = 2,", "mario = { speed = 2,"))
    assert message.startswith("rules.toml: [drill.member.mario] has an unknown key 'speed'")


def test_a_missing_key_is_refused_with_its_name():
    message = refusal(edited("sneak_ap = 2 ", "# sneak_ap = 2 "))
    assert message == "rules.toml: [move] is missing 'sneak_ap' — add it"


def test_an_unknown_or_missing_section_is_refused():
    assert refusal(SHIPPED + "\n[teleport]\nap = 1\n") == (
        "rules.toml: unknown section [teleport] — remove it or fix the spelling"
    )
    without_alarm = edited("[alarm]\npolice_delay = 6", "")
    assert refusal(without_alarm) == "rules.toml: the [alarm] section is missing — add it"


def test_a_value_of_the_wrong_type_is_refused():
    assert refusal(edited("walk_ap = 1 ", 'walk_ap = "4" ')) == (
        'rules.toml: [move] walk_ap must be a whole number, not "4"'
    )
    assert refusal(edited("walk_ap = 1 ", "walk_ap = 1.5 ")) == (
        "rules.toml: [move] walk_ap must be a whole number, not 1.5"
    )
    assert refusal(edited('start = "23:00"', "start = 2300")) == (
        "rules.toml: [clock] start must be text in quotes, not 2300"
    )
    assert refusal(edited('crackers = ["cesar"]', 'crackers = "cesar"')) == (
        'rules.toml: [safe] crackers must be a list of names in quotes, not "cesar"'
    )
    assert refusal(edited('cesar = ["lockpick",', "cesar = [3,")) == (
        'rules.toml: [kit] cesar must be a list of names in quotes, not [3, "extinguisher"]'
    )
    assert refusal(edited("police = 10", 'police = "far"')) == (
        'rules.toml: [vision.role] police must be a whole number, not "far"'
    )
    no_table = "umbrella = 2\n" + edited("[umbrella]\nap = 2\nloudness = 1", "")
    assert refusal(no_table) == "rules.toml: [umbrella] must be a table, not 2"
    assert refusal("kit = 3\n" + SHIPPED[: SHIPPED.index("[kit]")]) == (
        "rules.toml: [kit] must be a table, not 3"
    )


def test_a_boolean_is_not_a_number():
    assert refusal(edited("ap_per_turn = 8 ", "ap_per_turn = true ")) == (
        "rules.toml: [crew] ap_per_turn must be a whole number, not true"
    )


def test_broken_toml_is_one_clear_line():
    with pytest.raises(RuleError, match=r"^my_rules\.toml: not valid TOML"):
        Rules.from_toml("[crew\nap = 3", "my_rules.toml")


@pytest.fixture
def broken_rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The game reading a rules file with a misspelt key instead of the shipped one."""
    path = tmp_path / "rules.toml"
    path.write_text(edited("walk_ap = 1 ", "wlak_ap = 1 "), encoding="utf-8")
    monkeypatch.setattr(game.content, "rules_path", lambda: path)
    load_rules.cache_clear()
    yield path
    load_rules.cache_clear()


def test_the_command_line_reports_a_broken_rules_file_in_one_line(broken_rules_file, capsys):
    assert main(["check", str(maps_dir() / "jeweler.tmx")]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"rififi: {broken_rules_file}: [move] has an unknown key 'wlak_ap'"
        " — remove it or fix the spelling\n"
    )
