"""case_review"""
