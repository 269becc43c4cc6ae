"""Services: each public function is one unit of work in one transaction, holding the rules."""
