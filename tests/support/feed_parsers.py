#!/usr/bin/python3
"""Reads a podcast feed with gPodder's podcastparser and with feedparser and prints, as JSON,
what each understood: channel fields and, per episode, title, guid, published timestamp (UTC
seconds), duration, enclosure url/length/type. Used through tests/support/feed_clients.cpp.

Run with Debian's /usr/bin/python3 (python3-podcastparser, python3-feedparser).
Usage: feed_parsers.py FEED.xml FEED_URL
"""
import calendar
import json
import sys

import feedparser
import podcastparser


def with_podcastparser(path, url):
    with open(path, 'rb') as stream:
        feed = podcastparser.parse(url, stream)
    return {
        'title': feed.get('title'),
        'link': feed.get('link'),
        'description': feed.get('description'),
        'language': feed.get('language'),
        'cover_url': feed.get('cover_url'),
        'author': feed.get('itunes_author'),
        'explicit': feed.get('explicit'),
        'type': feed.get('type'),
        'categories': feed.get('itunes_categories'),
        'episodes': [{
            'title': e.get('title'),
            'guid': e.get('guid'),
            'published': e.get('published'),
            'duration': e.get('total_time'),
            'number': e.get('number'),
            'episode_type': e.get('type'),
            'link': e.get('link'),
            'description': e.get('description'),
            'description_html': e.get('description_html'),
            'enclosures': [{'url': x['url'], 'length': x['file_size'], 'type': x['mime_type']}
                           for x in e.get('enclosures', [])],
        } for e in feed.get('episodes', [])],
    }


def with_feedparser(path):
    d = feedparser.parse(path)
    f = d.feed
    return {
        'bozo': bool(d.bozo),
        'bozo_exception': str(d.get('bozo_exception', '')),
        'version': d.get('version'),
        'title': f.get('title'),
        'link': f.get('link'),
        'language': f.get('language'),
        'author': f.get('author'),
        'image': (f.get('image') or {}).get('href'),
        'explicit': f.get('itunes_explicit'),
        'entries': [{
            'title': e.get('title'),
            'guid': e.get('id'),
            'guid_is_link': e.get('guidislink'),
            'published': calendar.timegm(e.published_parsed) if e.get('published_parsed') else None,
            'duration': e.get('itunes_duration'),
            'episode': e.get('itunes_episode'),
            'episode_type': e.get('itunes_episodetype'),
            'link': e.get('link'),
            'summary': e.get('summary'),
            'content': [c.get('value') for c in e.get('content', [])],
            'enclosures': [{'url': x.get('href'), 'length': x.get('length'), 'type': x.get('type')}
                           for x in e.get('enclosures', [])],
        } for e in d.entries],
    }


def main():
    path, url = sys.argv[1], sys.argv[2]
    json.dump({'podcastparser': with_podcastparser(path, url),
               'feedparser': with_feedparser(path)}, sys.stdout, indent=1, default=str)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
