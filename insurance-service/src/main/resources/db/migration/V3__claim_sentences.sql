-- A claim's explanation and its reasons for not covering, kept as message keys with their facts (texts/claim), so an
-- SME reads them in its own language; the English text columns stay for insurers' systems and older claims.
alter table claim add column explanation_sentences jsonb;
alter table claim add column not_covered_sentences jsonb;
