"""The production storage of static files: WhiteNoise's compressed files under hashed names.

The vendored libraries (static/vendor, copied from node_modules by `make assets`) end with a
comment naming their source map, and not every map is copied: Django's manifest storage would
then fail collectstatic on a file nobody needs to run the portal. Source-map comments are left
as they are; every other reference (CSS url(), @import) is rewritten to its hashed name."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    kept = []
    for extension, rules in patterns:
        rules = tuple(
            rule for rule in rules if "sourceMappingURL" not in (rule[0] if isinstance(rule, tuple) else rule)
        )
        kept.append((extension, rules))
    return tuple(kept)


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
