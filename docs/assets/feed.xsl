<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows the 案例专栏 feed (feed_rss_created.xml) as a readable page when it is opened in a
     browser.  Only xsl:value-of is used, so every text stays text.  Styles come from a file on
     our own host (the Content-Security-Policy allows no inline styles). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title"/>（订阅源）</title>
        <link rel="icon" href="assets/images/favicon.png"/>
        <link rel="stylesheet" href="assets/stylesheets/feed.css"/>
      </head>
      <body>
        <header class="feed-header">
          <p class="feed-kind">订阅源（RSS）</p>
          <h1><xsl:value-of select="rss/channel/title"/></h1>
          <p><xsl:value-of select="rss/channel/description"/></p>
          <p class="feed-how">这是给阅读器用的订阅地址。把这个页面的网址复制到阅读器（例如手机上的 RSS 阅读软件）里，有新案例时就会收到提醒。阅读器直接向本站获取，本站不记录订阅人。</p>
          <p><a href="{rss/channel/link}">打开案例专栏网页</a></p>
        </header>
        <main>
          <h2>最新的案例</h2>
          <ol class="feed-items">
            <xsl:for-each select="rss/channel/item">
              <li>
                <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                <p class="feed-meta">
                  <xsl:value-of select="substring(dc:date, 1, 4)"/>年<xsl:value-of select="number(substring(dc:date, 6, 2))"/>月<xsl:value-of select="number(substring(dc:date, 9, 2))"/>日
                  <xsl:text> · </xsl:text>
                  <xsl:for-each select="dc:creator"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="."/></xsl:for-each>
                  <xsl:if test="category">
                    <xsl:text> · 分类：</xsl:text>
                    <xsl:for-each select="category"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="."/></xsl:for-each>
                  </xsl:if>
                </p>
                <p><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
