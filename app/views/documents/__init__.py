"""Documents in the window: PDF preview/print/e-mail, the deal's documents, company settings."""
