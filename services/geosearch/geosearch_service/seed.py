"""Demo data of geosearch: a small company directory around Madrid, Barcelona and Valencia."""

from __future__ import annotations

from clientarea_shared import demo
from clientarea_shared.db import utcnow
from clientarea_shared.runtime import Runtime
from clientarea_shared.text import normalise_text
from geosearch_service.models import Company

# (name, CIF, sector, size, revenue band, rating, lat, lon, street, postcode, city, region)
COMPANIES = [
    ("Transportes Ibéricos S.A.", "A58818501", "logistics", "large", "50M-250M", "BBB",
     40.4169, -3.7035, "Calle Mayor 10", "28013", "Madrid", "Madrid"),
    ("Reformas Costa Azul S.L.", "B87654323", "construction", "small", "1M-2M", "B",
     39.4699, -0.3763, "Avenida del Puerto 221", "46023", "Valencia", "Valencia"),
    ("Talleres Martín Hermanos S.L.", "B12345674", "automotive", "small", "2M-10M", "BB",
     40.3456, -3.8249, "Polígono Las Nieves 4", "28935", "Móstoles", "Madrid"),
    ("Aceites del Sur S.A.", "A41234568", "food", "medium", "10M-50M", "A",
     37.3891, -5.9845, "Carretera de Carmona km 3", "41008", "Sevilla", "Andalucía"),
    ("Química Mediterrània S.L.", "B65432106", "chemicals", "medium", "10M-50M", "BBB",
     41.3874, 2.1686, "Carrer de Pallars 190", "08005", "Barcelona", "Cataluña"),
    ("Muebles Levante S.L.", "B96385273", "furniture", "small", "1M-2M", "BB",
     39.4840, -0.3570, "Calle Sagunto 55", "46009", "Valencia", "Valencia"),
]


def seed(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for name, cif, sector, size, band, rating, lat, lon, street, postcode, city, region in COMPANIES:
            company_id = demo.demo_id(f"company:{cif}")
            if session.get(Company, company_id) is not None:
                continue
            session.add(Company(
                id=company_id, name=name, search_text=normalise_text(f"{name} {cif} {city}"),
                tax_id_type="es_cif", tax_id=cif, sector=sector, size=size, revenue_band=band,
                rating=rating, latitude=lat, longitude=lon, address_line1=street,
                postal_code=postcode, city=city, region=region, country="ES", updated_at=utcnow(),
            ))
