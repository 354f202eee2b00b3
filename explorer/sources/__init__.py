"""Where articles come from: files now, web pages and feeds later. Everything becomes an Article."""
