"""Reading rendered reports the way a person would: the PDF through pdftotext -layout and
pdffonts, the DOCX through python-docx, footnotes part included."""

import io
import re
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def pdf_text(content: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"], check=True, capture_output=True, text=True
        ).stdout


def pdf_pages(content: bytes) -> list[str]:
    return pdf_text(content).split("\f")


def pdf_fonts(content: bytes) -> list[dict]:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        output = subprocess.run(["pdffonts", handle.name], check=True, capture_output=True, text=True).stdout
    fonts = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        # name type… encoding emb sub uni object-id generation
        fonts.append({"name": parts[0], "embedded": parts[-5], "subset": parts[-4]})
    return fonts


def pdf_page_size_mm(content: bytes) -> tuple[float, float]:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], check=True, capture_output=True, text=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    return float(match.group(1)) * 25.4 / 72, float(match.group(2)) * 25.4 / 72


def pdf_word_boxes_mm(content: bytes, page: int = 1) -> list[tuple[float, float, float, float]]:
    """(x_min, y_min, x_max, y_max) in millimetres of every word on a page."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        html = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), handle.name, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    scale = 25.4 / 72
    return [
        tuple(float(v) * scale for v in match)
        for match in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)
    ]


def pdf_to_pngs(content: bytes, folder: Path, prefix: str, resolution: int = 60) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), handle.name, str(folder / prefix)], check=True)
    return sorted(folder.glob(f"{prefix}-*.png"))


class DocxReport:
    def __init__(self, content: bytes):
        self.document = docx.Document(io.BytesIO(content))
        part = self.document.part.part_related_by(RT.FOOTNOTES)
        self.footnotes_root = etree.fromstring(part.blob)

    @property
    def body_text(self) -> str:
        """The text of the body in document order, tables included (paragraph by paragraph)."""
        body = self.document.element.body
        return normalise(" ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")))

    @property
    def footnotes(self) -> dict[int, str]:
        notes = {}
        for note in self.footnotes_root.iter(f"{W}footnote"):
            number = int(note.get(f"{W}id"))
            if number > 0:
                notes[number] = normalise("".join(t.text or "" for t in note.iter(f"{W}t")))
        return notes

    @property
    def footnote_references(self) -> list[int]:
        body = self.document.element.body
        return [int(ref.get(f"{W}id")) for ref in body.iter(f"{W}footnoteReference")]
