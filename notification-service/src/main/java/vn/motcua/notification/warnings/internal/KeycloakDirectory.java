package vn.motcua.notification.warnings.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.notification.warnings.Officer;
import vn.motcua.notification.warnings.OfficerDirectory;

/**
 * The realm's users through Keycloak's admin REST API, with this service's service-account token,
 * cached for a while. A realm that cannot be reached is an error (the event is retried), not an
 * empty list: a warning must not go to nobody because the directory was down.
 */
class KeycloakDirectory implements OfficerDirectory {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private record Cached<T>(T value, Instant until) {
    }

    private final OfficersProperties settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();
    private volatile Cached<String> token;

    KeycloakDirectory(OfficersProperties settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<Officer> oneStopOfficers(String agencyCode) {
        return withRole(agencyCode, "officer");
    }

    @Override
    public List<Officer> leaders(String agencyCode) {
        return withRole(agencyCode, "leader");
    }

    private List<Officer> withRole(String agencyCode, String role) {
        return staffOf(agencyCode).stream().filter(member -> member.roles().contains(role)).map(StaffMember::officer).toList();
    }

    private record StaffMember(Officer officer, List<String> roles) {
    }

    /** The agency's enabled users with their effective realm roles, read once for every role asked about. */
    private List<StaffMember> staffOf(String agencyCode) {
        // The agency's users by attribute, then each one's effective realm roles: what view-users allows
        // (listing a role's members would need view-realm, more than this service should hold).
        return cached("agency:" + agencyCode, () -> {
            List<StaffMember> staff = new ArrayList<>();
            String query = URLEncoder.encode("agency:" + agencyCode, StandardCharsets.UTF_8);
            for (JsonNode user : admin("/users?briefRepresentation=false&first=0&max=1000&q=" + query)) {
                if (user.path("enabled").asBoolean(true) && user.path("attributes").path("agency").toString().contains("\"" + agencyCode + "\"")) {
                    staff.add(new StaffMember(officer(user), admin("/users/" + user.path("id").asString()
                            + "/role-mappings/realm/composite").findValuesAsString("name")));
                }
            }
            return List.copyOf(staff);
        });
    }

    @Override
    public Optional<Officer> byUsername(String username) {
        return cached("user:" + username, () -> {
            for (JsonNode user : admin("/users?exact=true&briefRepresentation=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))) {
                if (username.equalsIgnoreCase(user.path("username").asString(""))) {
                    return Optional.of(officer(user));
                }
            }
            return Optional.empty();
        });
    }

    private static Officer officer(JsonNode user) {
        String name = (user.path("lastName").asString("") + " " + user.path("firstName").asString("")).strip();
        String email = user.path("email").asString("");
        return new Officer(user.path("username").asString(), name.isEmpty() ? null : name, email.isBlank() ? null : email);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> load) {
        Cached<?> hit = cache.get(key);
        Instant now = clock.instant();
        if (hit != null && hit.until().isAfter(now)) {
            return (T) hit.value();
        }
        T value = load.get();
        cache.put(key, new Cached<>(value, now.plus(settings.cacheFor())));
        return value;
    }

    private JsonNode admin(String pathAndQuery) {
        URI uri = URI.create(settings.keycloakUrl() + "/admin/realms/" + settings.realm() + pathAndQuery);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token()).GET().build());
        if (response.statusCode() == 401) {
            token = null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The realm's admin API answered " + response.statusCode() + " for " + uri.getPath());
        }
        return json.readTree(response.body());
    }

    private String token() {
        Cached<String> current = token;
        Instant now = clock.instant();
        if (current != null && current.until().isAfter(now)) {
            return current.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.clientSecret() == null ? "" : settings.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.keycloakUrl() + "/realms/" + settings.realm()
                        + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The realm refused this service's client credentials: " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        // Renewed a little before it expires, so a call never carries one that lapses on the way.
        Cached<String> fresh = new Cached<>(answer.path("access_token").asString(),
                now.plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 10)));
        token = fresh;
        return fresh.value();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The realm cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the realm", e);
        }
    }
}
