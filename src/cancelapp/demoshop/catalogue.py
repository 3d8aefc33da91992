"""The demo shop's fixed catalogue, locations and customers: a Danish homeware shop."""

from __future__ import annotations

from decimal import Decimal

from cancelapp.demoshop.model import Customer, Location, Product, Variant
from cancelapp.demoshop.store import ShopStore

WAREHOUSE = "Lager København"
SHOP_FLOOR = "Butik Aarhus"
THIRD_PARTY = "Nordic Fulfilment ApS"
POP_UP = "Pop-up Odense"  # sells over the counter only; stocks every other product
CLOSED = "Lager Valby (lukket)"  # deactivated: its stock levels stay, hidden by default

# (title, price in DKK incl. VAT, product tags)
PRODUCTS: list[tuple[str, str, list[str]]] = [
    ("Uldplaid Hygge, grå", "749.00", ["plaid", "uld"]),
    ("Keramikkop Fjord, blå", "129.00", ["keramik"]),
    ("Keramikkop Fjord, sand", "129.00", ["keramik"]),
    ("Skærebræt i eg, graveret navn", "449.00", ["personalized"]),
    ("Vinterjakke Nordlys (forudbestilling)", "1899.00", ["preorder"]),
    ("Strikhue, udsalg", "99.00", ["final-sale"]),
    ("Duftlys Skovbund", "189.00", ["lys"]),
    ("Linneddug 140x250", "599.00", ["linned"]),
    ("Hørviskestykker, 3 stk.", "149.00", ["linned"]),
    ("Bordlampe Mælkebøtte", "1299.00", ["lamper"]),
    ("Monogram-pude, broderet", "399.00", ["personalized"]),
    ("Julekalender 2027 (forudbestilling)", "349.00", ["preorder"]),
    ("Sokker i merino, restsalg", "79.00", ["final-sale"]),
    ("Teglas, 4 stk.", "259.00", ["glas"]),
]

GIFT_CARD = ("Gavekort 500 kr.", "500.00")
# Options of the products sold in a size or colour: product index -> (name, value) pairs.
OPTIONS: dict[int, list[tuple[str, str]]] = {
    0: [("Farve", "Grå")],
    1: [("Farve", "Blå")],
    2: [("Farve", "Sand")],
    4: [("Størrelse", "M"), ("Farve", "Sort")],
    5: [("Størrelse", "One size"), ("Farve", "Rød")],
    12: [("Størrelse", "39-42")],
}
STREETS = ["Nørregade", "Vestergade", "Strandvejen", "Algade", "Kongensgade", "Søndergade"]
TOWNS = ["1165 København K", "8000 Aarhus C", "5000 Odense C", "9000 Aalborg", "6700 Esbjerg"]
CUSTOMER_NOTES = [
    None,
    None,
    "Foretrækker levering til pakkeshop.",
    "Wholesale: ring før levering.",
]

DANISH_NAMES = [
    ("Mette", "Jensen"), ("Søren", "Nielsen"), ("Anne", "Sørensen"), ("Lars", "Pedersen"),
    ("Freja", "Hansen"), ("Mads", "Christensen"), ("Ida", "Larsen"), ("Frederik", "Andersen"),
    ("Sofie", "Rasmussen"), ("Jens", "Møller"), ("Astrid", "Kjær"), ("Rasmus", "Østergaard"),
    ("Kirsten", "Bæk"), ("Niels", "Thomsen"), ("Camilla", "Poulsen"), ("Bjørn", "Ålund"),
]  # fmt: skip
ENGLISH_NAMES = [
    ("Emily", "Clarke"), ("James", "Wilson"), ("Olivia", "Brown"), ("Harry", "Taylor"),
    ("Charlotte", "Evans"), ("George", "O'Neill"), ("Amelia", "Hughes"), ("Jack", "Walsh"),
]  # fmt: skip
GERMAN_NAMES = [("Lukas", "Schmidt"), ("Anna", "Müller"), ("Jonas", "Weiß")]
ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ü": "ue", "ß": "ss", "ö": "oe"})


def build_catalogue(store: ShopStore, customers: int) -> None:
    """Locations, products with stock, and `customers` customers (names cycle deterministically)."""
    warehouse = Location(store.new_id(), WAREHOUSE)
    shop_floor = Location(store.new_id(), SHOP_FLOOR)
    third_party = Location(
        store.new_id(), THIRD_PARTY, fulfillment_service="nordic-fulfilment",
        service_name="Nordic Fulfilment",
    )  # fmt: skip
    for location in (warehouse, shop_floor, third_party):
        store.locations[location.id] = location
    for index, (title, price, tags) in enumerate(PRODUCTS):
        product = Product(store.new_id(), title, list(tags))
        options = OPTIONS.get(index, [])
        variant = Variant(
            store.new_id(), product, " / ".join(v for _n, v in options) or "Default Title",
            f"HYG-{100 + index}", Decimal(price), inventory_item_id=store.new_id(),
            options=list(options),
        )  # fmt: skip
        store.products[product.id] = product
        store.variants[variant.id] = variant
        for location, stock in ((warehouse, 40 + index), (shop_floor, 8 + index % 5),
                                (third_party, 25)):  # fmt: skip
            store.inventory[(variant.inventory_item_id, location.id)] = stock
    people = (
        [(f, n, "da-DK") for f, n in DANISH_NAMES]
        + [(f, n, "en") for f, n in ENGLISH_NAMES]
        + [(f, n, "de-DE") for f, n in GERMAN_NAMES]
    )
    for index in range(customers):
        first, last, locale = people[index % len(people)]
        round_ = index // len(people)
        email_name = f"{first}.{last}".lower().replace("'", "").translate(ASCII)
        email = f"{email_name}{round_ or ''}@example.{'dk' if locale == 'da-DK' else 'com'}"
        customer = Customer(store.new_id(), first, last, email, locale)
        customer.address = [
            f"{STREETS[index % len(STREETS)]} {index % 90 + 1}",
            TOWNS[index % len(TOWNS)],
            "Denmark",
        ]
        customer.note = CUSTOMER_NOTES[index % len(CUSTOMER_NOTES)]
        if index % 7 == 0:
            customer.tags.append("VIP")
        store.customers[customer.id] = customer
    _more_locations(store)


def _more_locations(store: ShopStore) -> None:
    """Two locations no order ships from (made last, so every other id stays as it was): a
    pop-up shop that stocks some products, and a closed warehouse."""
    pop_up = Location(store.new_id(), POP_UP, fulfills_online_orders=False)
    closed = Location(store.new_id(), CLOSED, is_active=False)
    for location in (pop_up, closed):
        store.locations[location.id] = location
    for index, variant in enumerate(store.variants.values()):
        if index % 2 == 0:
            store.inventory[(variant.inventory_item_id, pop_up.id)] = 3
        store.inventory[(variant.inventory_item_id, closed.id)] = 0


def regular_locations(store: ShopStore) -> list[Location]:
    return [loc for loc in store.locations.values() if not loc.is_fulfillment_service]


def third_party_location(store: ShopStore) -> Location:
    return next(loc for loc in store.locations.values() if loc.is_fulfillment_service)
