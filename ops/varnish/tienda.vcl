# Varnish (Debian's varnish 7.1 with varnish-modules for xkey) in front of Tienda: it keeps the anonymous store
# catalog as Tienda's Cache-Control allows (s-maxage: a day once TIENDA_CDN_PURGE_URL is set) and drops answers by
# surrogate key when Tienda purges them; it keeps the stored files under /static (product images, named by their
# content, immutable for a year). Everything else passes through untouched.
#
# Tienda: TIENDA_CDN_PURGE_URL=http://<this varnish>/tienda-purge (from an address in the purgers ACL below).
# Point the backend at the shop's load balancer or its server. Check: varnishd -C -f ops/varnish/tienda.vcl
vcl 4.1;

import xkey;

backend tienda {
    .host = "127.0.0.1";
    .port = "9000";
}

# Who may purge: the shop's processes.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Tienda's purge: POST with the keys in Surrogate-Key, space-separated.
    if (req.url == "/tienda-purge") {
        if (req.method != "POST") {
            return (synth(405, "Method Not Allowed"));
        }
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "Surrogate-Key missing"));
        }
        set req.http.n-gone = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A public stored file is the same for everyone, whatever cookie a browser sends; a private one (an export) is
    # a download for whoever holds its key, and stays out of the cache.
    if (req.url ~ "^/static/[a-z0-9_.-]+$") {
        if (req.url ~ "^/static/private_") {
            return (pass);
        }
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }
    # A customer's token or session: a personal answer, never shared.
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    # The catalog routes Tienda marks public; carts, orders, customers, search, the admin pass.
    if (req.url !~ "^/store/(products|product-categories|collections|regions|product-tags|product-types)(/[^/?]+)?(\?|$)") {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    # xkey indexes an object by its xkey header: Tienda's Surrogate-Key.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
