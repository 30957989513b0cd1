"""What a reader sees: the interactive views (``views``), the analysis report (``report``) and the account of
a build (``status``). Reads the graph through ``kg.analysis``; never queries the raw texts.
"""
