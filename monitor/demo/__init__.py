"""The offline demo: a scripted news timeline published onto a loopback server.

``monitor demo`` loads :class:`monitor.demo.timeline.Timeline`, starts a
:class:`monitor.loopback.LoopbackServer`, publishes the news step by step as if
months passed, and polls and digests after each step.
"""
