"""Warta: build the websites of many government service units from one repository."""
