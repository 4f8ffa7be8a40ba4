-- Full-text search over statements (quote, summary, note, and the names of
-- the speaker, the speaker's aliases and the topics), kept in step by
-- triggers so that every write path, imports included, stays searchable.
CREATE VIRTUAL TABLE `statement_search` USING fts5(quote, summary, note, names, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIEW `statement_search_source` AS
SELECT s.id AS id, s.quote AS quote, s.summary AS summary, s.note AS note,
  sp.name || ' ' || coalesce((SELECT group_concat(a.value, ' ') FROM json_each(sp.aliases) a), '') || ' ' ||
  coalesce((SELECT group_concat(t.name, ' ') FROM statement_topics st JOIN topics t ON t.id = st.topic_id WHERE st.statement_id = s.id), '') AS names
FROM statements s JOIN speakers sp ON sp.id = s.speaker_id;
--> statement-breakpoint
CREATE TRIGGER `statements_search_ai` AFTER INSERT ON `statements` BEGIN
  INSERT INTO statement_search(rowid, quote, summary, note, names) SELECT id, quote, summary, note, names FROM statement_search_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `statements_search_au` AFTER UPDATE ON `statements` BEGIN
  DELETE FROM statement_search WHERE rowid = old.id;
  INSERT INTO statement_search(rowid, quote, summary, note, names) SELECT id, quote, summary, note, names FROM statement_search_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `statements_search_ad` AFTER DELETE ON `statements` BEGIN
  DELETE FROM statement_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `statement_topics_search_ai` AFTER INSERT ON `statement_topics` BEGIN
  DELETE FROM statement_search WHERE rowid = new.statement_id;
  INSERT INTO statement_search(rowid, quote, summary, note, names) SELECT id, quote, summary, note, names FROM statement_search_source WHERE id = new.statement_id;
END;
--> statement-breakpoint
CREATE TRIGGER `statement_topics_search_ad` AFTER DELETE ON `statement_topics` BEGIN
  DELETE FROM statement_search WHERE rowid = old.statement_id;
  INSERT INTO statement_search(rowid, quote, summary, note, names) SELECT id, quote, summary, note, names FROM statement_search_source WHERE id = old.statement_id;
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_search_au` AFTER UPDATE OF name, aliases ON `speakers` BEGIN
  DELETE FROM statement_search WHERE rowid IN (SELECT id FROM statements WHERE speaker_id = new.id);
  INSERT INTO statement_search(rowid, quote, summary, note, names) SELECT id, quote, summary, note, names FROM statement_search_source WHERE id IN (SELECT id FROM statements WHERE speaker_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `topics_search_au` AFTER UPDATE OF name ON `topics` BEGIN
  DELETE FROM statement_search WHERE rowid IN (SELECT statement_id FROM statement_topics WHERE topic_id = new.id);
  INSERT INTO statement_search(rowid, quote, summary, note, names) SELECT id, quote, summary, note, names FROM statement_search_source WHERE id IN (SELECT statement_id FROM statement_topics WHERE topic_id = new.id);
END;
