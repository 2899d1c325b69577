"""The draft a new case post starts from (`make new-case`), as the editor's guide shows it.

A module of its own because two others need it: case_new.py writes it, and cases.py refuses a
post that still holds its placeholder text, so that a template never goes out as an article.  The
review record is there as comments: a draft needs none, and each step is written when it is done.
"""

TEMPLATE = """---
title: 在这里写标题
date: {today}
authors: [county-xfj]
categories: [初信初访]
tags: []
channels: []
procedures: [xf-claim]
articles:
  - {{law: xinfang-gongzuo-tiaoli-2022, article: 32, paragraph: 1}}
region: 县级
local_practice: 如果文中讲到地方做法，在这里写明是什么做法、是哪一级机关的规定或做法；没有就删掉这一行。
status: draft
reviewed: {today}
# 审核记录：每审完一步，去掉那几行前面的 # 并写上真实的审核单位和日期；网站要求的几步（site.yaml）
# 都有了，才能改成 status: published。法律审核的 articles 要和上面的 articles 一致（见写作指南“审核”）。
# review:
#   - {{role: 初审, name: county-xfj, date: {today}}}
#   - {{role: 复审, name: county-xfj, date: {today}}}
#   - role: 法律审核
#     name: county-xfj
#     date: {today}
#     articles:
#       - {{law: xinfang-gongzuo-tiaoli-2022, article: 32, paragraph: 1}}
#     personal_info: 已核对：当事人均已匿名，没有身份证号、电话和住址
#   - {{role: 终审, name: county-xfj, date: {today}}}
---

导语：一两句话，讲这个案例讲什么、读者能学到什么。

<!-- more -->

## 案情简介

（当事人写成陈某某、某公司，地方写成某县、某镇。）

## 处理过程

（谁、在什么时候、做了什么。地方做法要说明是哪个机关的做法。）

## 法律依据

（用白话说明每一条对本案意味着什么，写明《法规简称》第几条。条文原文由网站自动附上。）
"""
