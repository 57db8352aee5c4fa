"""An RSS 2.0 and an Atom file built from the seed articles, as provincial portals publish them."""

from __future__ import annotations

from html import escape

from _pages import seed_fields


def _content(f) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in f.paragraphs) + \
        '<figure><img src="a.jpg"><figcaption>Ảnh minh họa</figcaption></figure><script>alert(1)</script>'


def rss(seeds=(0, 1, 2)) -> bytes:
    items = []
    for n in seeds:
        f = seed_fields(n)
        items.append(f"""<item>
<title>{escape(f.title)}</title>
<link>https://sokhcn.example.gov.vn/tin/{n}.html</link>
<guid isPermaLink="false">tin-{n}</guid>
<pubDate>Wed, 17 May 2023 01:30:00 GMT</pubDate>
<dc:creator>{escape(f.byline)}</dc:creator>
<category>Khoa học</category>
<description>{escape(f.sapo)}</description>
<content:encoded><![CDATA[{_content(f)}]]></content:encoded>
</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Sở Khoa học và Công nghệ</title><link>https://sokhcn.example.gov.vn</link>
<description>Tin tức</description>
{chr(10).join(items)}
</channel></rss>
""".encode()


def atom(seeds=(3, 4)) -> bytes:
    entries = []
    for n in seeds:
        f = seed_fields(n)
        entries.append(f"""<entry>
<title type="html">{escape(escape(f.title))}</title>
<link rel="alternate" href="https://ubnd.example.gov.vn/bai/{n}"/>
<id>tag:ubnd.example.gov.vn,2023:{n}</id>
<published>2023-05-17T08:30:00+07:00</published><updated>2023-05-18T08:30:00+07:00</updated>
<author><name>{escape(f.byline)}</name></author>
<summary>{escape(f.sapo)}</summary>
<content type="html">{escape(_content(f))}</content>
</entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Cổng thông tin UBND tỉnh</title>
<id>tag:ubnd.example.gov.vn,2023:feed</id><updated>2023-05-18T08:30:00+07:00</updated>
{chr(10).join(entries)}
</feed>
""".encode()
