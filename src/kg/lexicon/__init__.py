"""Ground floor: the domain vocabulary (data/vocab/*.yaml) and its matchers.

``vocab`` loads the vocabulary files (shipped in the package, see kg.paths); ``lines`` classifies lines
(section headings, table columns, document type lines); ``doctypes`` maps a type word to its ontology class;
``gazetteer`` and ``phrases`` match agency names in running text. Every stage above may use this floor; it
imports only ``kg.text``, ``kg.errors``, ``kg.paths`` and ``kg.namespaces``.
"""
