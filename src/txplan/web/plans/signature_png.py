"""A client's drawn signature: the PNG a canvas posts, checked before it is stored.

The browser sends ``canvas.toDataURL("image/png")``. What is stored is never those bytes as
posted: the image is decoded in full (a truncated or disguised file fails here) and encoded
again, so nothing but pixels reaches the database — no text chunks, no trailing payload.
"""

from __future__ import annotations

import base64
import binascii
import io

from PIL import Image, UnidentifiedImageError

from txplan.web.errors import ActionError

MAX_BYTES = 200 * 1024  # the stored image; a signature pad's PNG is typically 5–30 KB
# A signature pad is a strip, not a photo; the bound also keeps decoding cheap.
MAX_WIDTH, MAX_HEIGHT = 2000, 1000
_PREFIX = "data:image/png;base64,"
# Base64 grows bytes by 4/3; anything longer cannot decode to MAX_BYTES or less.
MAX_DATA_URL_CHARS = len(_PREFIX) + (MAX_BYTES * 4) // 3 + 4


def from_data_url(text: str, *, field: str = "image") -> bytes:
    """The bytes of a ``data:image/png;base64,…`` URL, without judging them as an image."""
    text = text.strip()
    if not text.startswith(_PREFIX):
        raise ActionError("expected a PNG drawn on the signature pad", field=field)
    if len(text) > MAX_DATA_URL_CHARS:
        raise ActionError(f"the drawing is larger than {MAX_BYTES // 1024} KB", field=field)
    try:
        return base64.b64decode(text[len(_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise ActionError("the drawing did not arrive intact; draw it again", field=field) from None


def clean_png(data: bytes, *, field: str = "image") -> bytes:
    """The image decoded in full and encoded again as PNG; ActionError when it is not a
    PNG, is too large, or is blank."""
    if len(data) > MAX_BYTES:
        raise ActionError(f"the drawing is larger than {MAX_BYTES // 1024} KB", field=field)
    try:
        image = Image.open(io.BytesIO(data), formats=["PNG"])
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ActionError("not a readable PNG image", field=field) from None
    with image:
        # Checked from the header, before decoding: a small file can declare a huge canvas.
        if image.width > MAX_WIDTH or image.height > MAX_HEIGHT:
            raise ActionError(
                f"the drawing is {image.width}×{image.height} pixels; at most "
                f"{MAX_WIDTH}×{MAX_HEIGHT}",
                field=field,
            )
        try:
            image.load()  # decodes every pixel: a damaged file fails here, not when shown
            pixels = image.convert("RGBA")
        except (OSError, SyntaxError, ValueError):
            raise ActionError("not a readable PNG image", field=field) from None
    # An untouched canvas is one flat colour (usually fully transparent): not a signature.
    if _one_colour(pixels):
        raise ActionError("the signature pad is empty; draw the signature", field=field)
    out = io.BytesIO()
    pixels.save(out, format="PNG", optimize=True)
    cleaned = out.getvalue()
    if len(cleaned) > MAX_BYTES:
        raise ActionError(f"the drawing is larger than {MAX_BYTES // 1024} KB", field=field)
    return cleaned


def _one_colour(image: Image.Image) -> bool:
    extrema = image.getextrema()  # per band for RGBA: ((low, high), …)
    bands = extrema if isinstance(extrema[0], tuple) else (extrema,)
    return all(band[0] == band[1] for band in bands)
