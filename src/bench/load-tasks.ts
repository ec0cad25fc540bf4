/**
 * Default load-test workload: the guide's "Explain concept {i % 10}" made concrete with ten real
 * Python concepts, so a real model does comparable, meaningful work on every request.
 */
export const DEFAULT_LOAD_AGENT = "python-expert";

export const DEFAULT_LOAD_TASKS: readonly string[] = [
  "Explain list comprehensions in Python, with an example that filters and transforms a list.",
  "Explain Python decorators: how they wrap functions, and when functools.wraps matters.",
  "Explain generators and the yield keyword in Python, and how they save memory.",
  "Explain context managers and the with statement in Python, including writing one with contextlib.",
  "Explain the Global Interpreter Lock (GIL) in CPython and its effect on threads.",
  "Explain async/await and the asyncio event loop in Python.",
  "Explain Python dataclasses: what @dataclass generates and when to use frozen=True.",
  "Explain *args and **kwargs in Python function signatures and calls.",
  "Explain the mutable default argument pitfall in Python and how to avoid it.",
  "Explain type hints in Python, including Optional, generics and typing.Protocol.",
];
