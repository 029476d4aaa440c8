"""Web pages written for the tests (never copied from the web)."""

from __future__ import annotations

ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>How to Brew Tea | The Tea Site</title>
<meta property="og:site_name" content="The Tea Site">
<meta name="author" content="Ada Leaf">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/shop">Shop</a></li></ul></nav>
<h1 class="site"><a href="/">The Tea Site</a></h1></header>
<main><article>
<h1>How to Brew Tea</h1>
<p>Tea is a drink made by pouring hot water over cured leaves. This guide explains the
<em>basics</em> of brewing a <strong>good cup</strong>, with a
<a href="/kettles">kettle guide</a> and enough words to make this paragraph count as
the main content of the page for any extractor that weighs text density.</p>
<h2>Water</h2>
<p>Use fresh water and boil it once. Water that has been boiled twice loses oxygen and
tastes flat, which is why every tea lover insists on fresh water from the tap.</p>
<h3>Temperature</h3>
<p>Green tea wants eighty degrees; black tea wants a full boil. The table lists more.</p>
<table><thead><tr><th>Tea</th><th>Temperature</th><th>Minutes</th></tr></thead>
<tbody><tr><td>Green</td><td>80 C</td><td>2</td></tr>
<tr><td>Black</td><td>100 C</td><td>4</td></tr></tbody></table>
<h2>Steps</h2>
<ol><li>Warm the pot with a little hot water.</li><li>Add one spoon of leaves per cup.</li>
<li>Pour the water and wait four minutes.</li></ol>
<p>To time it from a shell, run <code>sleep 240</code> and then:</p>
<pre><code>echo "tea is ready"
</code></pre>
</article></main>
<aside><h2>Related posts</h2><ul><li><a href="/coffee">Coffee corner</a></li></ul></aside>
<footer><p>Share this: <a href="https://social.example/x">Social</a></p>
<p>Copyright 2024 The Tea Site. All rights reserved.</p></footer>
</body></html>
"""
"""An article page: site chrome around it, a site-name ``<h1>`` before the headline."""

ARTICLE_OUTLINE = ["Water", "Temperature", "Steps"]
