"""Readers: one module per input kind (HTML pages, ...), each turning its input into `Article`s."""
