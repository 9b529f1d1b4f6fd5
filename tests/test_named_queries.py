"""Named queries on a hand-written election graph (tests/fixtures/graphs/election.ttl): the
tickets and results tables, the parameterised person/institution/contest queries, the same rows
on rdflib and Oxigraph, and parameter values that can only ever be one literal."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from conftest import ELECTION_TTL
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDFS, Graph

from kg.cli import main
from kg.errors import ExitCode, QueryError
from kg.graph.loading import load_graph
from kg.graph.queries import (
    MAX_FORMS,
    Result,
    bind,
    case_forms,
    load_named,
    named_queries,
    named_query,
    parameters,
    run_oxigraph,
    run_rdflib,
    sparql_string,
)
from kg.graph.sandbox import check_local
from kg.graph.vocab import ELEC, SCHEMA, ontology

PARAMS = {"person": {"name": "rahmat WIBISONO"}, "institution": {"name": "kpu sumteng"},
          "contest": {"name": "pilgub sumatera tengah 2024"}}


@pytest.fixture(scope="module")
def graph():
    return load_graph(str(ELECTION_TTL))


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(path=str(ELECTION_TTL), format=ox.RdfFormat.TURTLE)
    return s


def rows(result: Result) -> list[dict[str, str | None]]:
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def facts(result: Result) -> set[tuple[str | None, ...]]:
    return {(r["fact"], r["value"]) for r in rows(result)}


def test_candidates_lists_every_ticket_with_its_number(graph) -> None:
    got = rows(run_rdflib(graph, load_named("candidates")))
    assert [(r["contest"], r["number"], r["candidate"], r["runningMate"]) for r in got] == [
        ("Pilbup Lembah Hijau 2024", "1", "Agus Salim Pohan", "Wulan Sembiring"),
        ("Pilgub Sumatera Tengah 2024", "1", "Rahmat Wibisono", "Sari Anggraini"),
        ("Pilgub Sumatera Tengah 2024", "2", "Yohanes Tambunan", "Dewi Lestari Hakim")]
    assert got[1]["parties"] == "Koalisi Sumatera Maju, Partai Gerindra"
    assert got[1]["status"] == "eligible, registered"
    assert got[2]["status"] == "elected, eligible"
    assert got[0]["parties"] is None


def test_results_give_figures_stage_scope_and_source(graph) -> None:
    got = {r["for"]: r for r in rows(run_rdflib(graph, load_named("results")))}
    assert got["Rahmat Wibisono"] | {} == {
        "contest": "Pilgub Sumatera Tengah 2024", "for": "Rahmat Wibisono", "votes": "1234567",
        "percent": "45.6", "seats": None, "scope": "Sumatera Tengah", "stage": "provinceRecapitulation",
        "reportedBy": "Komisi Pemilihan Umum Provinsi Sumatera Tengah",
        "article": "Tiga pasangan calon bersaing di Pilgub Sumatera Tengah"}
    assert got["Yohanes Tambunan"]["stage"] == "quickCount"
    assert got["PDI Perjuangan"]["seats"] == "7"  # a party's result


def test_person_by_any_name_in_any_case(graph) -> None:
    for name in ("rahmat WIBISONO", "RAHMAT"):  # "Rahmat" is an alias
        got = run_rdflib(graph, named_query("person", {"name": name}))
        assert {r["person"] for r in rows(got)} == {"Rahmat Wibisono"}
        assert {("candidate", "Pilgub Sumatera Tengah 2024, no. 1: Rahmat Wibisono-Sari Anggraini"),
                ("nominated by", "Partai Gerindra"), ("alias", "Rahmat"),
                ("status", "Pilgub Sumatera Tengah 2024: registered"),
                ("result", "Pilgub Sumatera Tengah 2024: 1234567 votes, 45.6%, provinceRecapitulation, "
                           "Sumatera Tengah")} <= facts(got)
    agus = facts(run_rdflib(graph, named_query("person", {"name": "agus salim pohan"})))
    assert ("court case brought", "Perkara 12/PHPU.BUP-XXIII/2025") in agus  # through its ticket
    assert ("holds", "Bupati Lembah Hijau") in agus
    mate = facts(run_rdflib(graph, named_query("person", {"name": "Sari Anggraini"})))
    assert ("running mate", "Pilgub Sumatera Tengah 2024, no. 1: Rahmat Wibisono-Sari Anggraini") in mate
    assert rows(run_rdflib(graph, named_query("person", {"name": "Partai Gerindra"}))) == []  # not a person


def test_institution_and_contest(graph) -> None:
    kpu = facts(run_rdflib(graph, named_query("institution", {"name": "kpu sumteng"})))
    assert {("type", "ElectionBody"), ("region", "Sumatera Tengah"), ("member", "Bambang Purnomo"),
            ("post", "Ketua KPU Sumatera Tengah: Bambang Purnomo"), ("mentioned in articles", "1"),
            ("court case against", "Perkara 12/PHPU.BUP-XXIII/2025"),
            ("reported result", "Pilgub Sumatera Tengah 2024: Rahmat Wibisono, 1234567 votes, 45.6%")} <= kpu
    coalition = facts(run_rdflib(graph, named_query("institution", {"name": "Koalisi Sumatera Maju"})))
    assert {("coalition of", "Partai Gerindra"), ("coalition of", "Partai Kebangkitan Bangsa"),
            ("nominates", "Pilgub Sumatera Tengah 2024, no. 1: Rahmat Wibisono-Sari Anggraini")} <= coalition
    pdip = rows(run_rdflib(graph, named_query("institution", {"name": "pdip"})))  # mentioned by no article
    assert pdip and all(r["institution"] == "PDI Perjuangan" for r in pdip)
    assert "mentioned in articles" not in {r["fact"] for r in pdip}
    mk = facts(run_rdflib(graph, named_query("institution", {"name": "MK"})))
    assert ("court case heard", "Perkara 12/PHPU.BUP-XXIII/2025") in mk
    race = facts(run_rdflib(graph, named_query("contest", {"name": "PILBUP LEMBAH HIJAU 2024"})))
    assert {("office", "bupati"), ("region", "Lembah Hijau"), ("year", "2024"),
            ("part of", "Pilkada Serentak 2024"), ("ticket", "no. 1: Agus Salim Pohan-Wulan Sembiring"),
            ("court case", "Perkara 12/PHPU.BUP-XXIII/2025: partlyGranted, orders revote"),
            ("result", "PDI Perjuangan: 7 seats, Lembah Hijau")} <= race


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_only_reads_local_data(name: str) -> None:
    """kg runs its named queries without the sandbox's parse (answers.named_rows): this is
    that check, once, on each query as shipped and with its parameters bound."""
    for query in {load_named(name), named_query(name, PARAMS.get(name))}:
        checked = check_local(query, set)
        assert checked.form == "SELECT" and not checked.services and not checked.dataset


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_gives_the_same_rows_on_rdflib_and_oxigraph(graph, store, name: str) -> None:
    query = named_query(name, PARAMS.get(name))
    expected = run_rdflib(graph, query)
    assert expected.rows or name in ("event-institutions", "events-timeline", "quotes")
    assert run_oxigraph(store, query).rows == expected.rows


def test_institution_classes_are_the_ontologys_organizations() -> None:
    lists = re.findall(r"VALUES \?class \{([^}]*)\}", load_named("institution"))
    names = {f"{p}:{str(c).rsplit('/', 1)[-1].rsplit('#', 1)[-1]}"
             for c in ontology().transitive_subjects(RDFS.subClassOf, SCHEMA.Organization)
             for p in ("schema" if str(c).startswith(str(SCHEMA)) else "elec",)}
    assert lists and all(set(listed.split()) == names for listed in lists)
    assert ELEC.Coalition in set(ontology().transitive_subjects(RDFS.subClassOf, SCHEMA.Organization))


def test_parameters_are_declared_in_the_header() -> None:
    declared = {name: parameters(load_named(name)) for name in named_queries()}
    assert {n for n, p in declared.items() if p} == {"person", "institution", "contest"}
    assert all(list(p) == ["name"] and p["name"].any_case for n, p in declared.items() if p)


def test_bind_checks_names_and_slots() -> None:
    query = "# param who: a name\nSELECT ?who WHERE { VALUES ?who { } }"
    assert bind(query, {"who": 'a "b"'}) == '# param who: a name\nSELECT ?who WHERE { VALUES ?who { "a \\"b\\"" } }'
    with pytest.raises(QueryError, match="missing parameter: --param who"):
        bind(query, {})
    with pytest.raises(QueryError, match="unknown parameter 'whom'; this query takes who"):
        bind(query, {"who": "x", "whom": "y"})
    with pytest.raises(QueryError, match="has no slot"):
        bind("# param who: a name\nSELECT ?who WHERE { ?s ?p ?who }", {"who": "x"})
    with pytest.raises(QueryError, match="takes no parameters"):
        bind("SELECT * WHERE { ?s ?p ?o }", {"who": "x"})
    for bad in ("a\x00b", "bell\x07", "\\u0022", "x\\U00000022"):
        with pytest.raises(QueryError):
            sparql_string(bad)


def test_a_value_that_looks_like_a_slot_is_not_filled_again() -> None:
    query = "# param a: one\n# param b: two\nSELECT ?a ?b WHERE { VALUES ?a { } VALUES ?b { } }"
    bound = bind(query, {"a": "VALUES ?b { }", "b": "x"})
    assert bound.endswith('VALUES ?a { "VALUES ?b { }" } VALUES ?b { "x" } }')


def test_case_forms() -> None:
    assert {"KPU Jabar", "kpu jabar", "Kpu Jabar", "KPU JABAR"} <= set(case_forms("kpu jabar"))
    assert case_forms("Dedi  Mulyadi")[0] == "Dedi  Mulyadi" and "Dedi Mulyadi" in case_forms("Dedi  Mulyadi")
    assert "PDI-P" in case_forms("pdi-p") and "Pdi-P" in case_forms("pdi-p")
    assert {"KPU Jawa Barat", "DPRD Kota Bandung"} <= set(case_forms("kpu jawa barat")) | set(
        case_forms("dprd kota bandung"))
    assert len(case_forms("satu dua tiga empat lima enam tujuh delapan")) <= MAX_FORMS
    assert case_forms("   ") == []


ECHO = "# param v: anything\nSELECT ?v WHERE { VALUES ?v { } }"
CONTROLS = "".join(map(chr, [*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f]))
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROLS),
               max_size=40).filter(lambda s: not re.search(r"\\[uU]", s))


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_any_value_binds_as_exactly_one_literal(value: str) -> None:
    query = bind(ECHO, {"v": value})
    assert run_rdflib(Graph(), query).rows == [[value]]
    assert run_oxigraph(ox.Store(), query).rows == [[value]]


@pytest.mark.parametrize("attack", ['x" } } SELECT * WHERE { ?s ?p ?o } #', "x' } DROP ALL ; #",
                                    'Dedi"\n} UNION { ?s ?p ?o', 'a\\" } #', "\"\"\"", "}"])
def test_injection_attempts_stay_literals(graph, store, attack: str) -> None:
    assert run_rdflib(Graph(), bind(ECHO, {"v": attack})).rows == [[attack]]
    query = named_query("person", {"name": attack})
    assert run_rdflib(graph, query).rows == [] and run_oxigraph(store, query).rows == []


def test_cli_query_with_params(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", str(ELECTION_TTL), "--name", "person", "--param", "name=yohanes tambunan",
                 "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0 and "Yohanes Tambunan,status,Pilgub Sumatera Tengah 2024: elected," in out
    assert main(["query", str(ELECTION_TTL), "--name", "contest"]) == ExitCode.BAD_QUERY
    assert "missing parameter: --param name=" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["query", str(ELECTION_TTL), "--name", "contest", "--param", "name"])
