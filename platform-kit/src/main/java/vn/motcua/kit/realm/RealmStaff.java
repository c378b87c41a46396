package vn.motcua.kit.realm;

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

/**
 * The realm's staff through Keycloak's admin REST API, read with the calling service's own account and cached for a
 * while: who works at an agency and in which roles. A realm that cannot be reached is {@link RealmUnavailable}, never an
 * empty answer: a warning must not go to nobody, nor an assignment be refused, because the directory was down.
 */
public class RealmStaff {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private record Cached<T>(T value, Instant until) {
    }

    private final RealmAccount account;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();
    private volatile Cached<String> token;

    public RealmStaff(RealmAccount account, ObjectMapper json, Clock clock) {
        this.account = account;
        this.json = json;
        this.clock = clock;
    }

    /** The agency's enabled users with their effective realm roles. */
    public List<StaffMember> ofAgency(String agencyCode) {
        // The agency's users by attribute, then each one's effective realm roles: what view-users allows
        // (listing a role's members would need view-realm, more than a service should hold).
        return cached("agency:" + agencyCode, () -> {
            List<StaffMember> staff = new ArrayList<>();
            String query = URLEncoder.encode("agency:" + agencyCode, StandardCharsets.UTF_8);
            for (JsonNode user : admin("/users?briefRepresentation=false&first=0&max=1000&q=" + query)) {
                if (user.path("enabled").asBoolean(true)
                        && user.path("attributes").path("agency").toString().contains("\"" + agencyCode + "\"")) {
                    staff.add(member(user, admin("/users/" + user.path("id").asString() + "/role-mappings/realm/composite")
                            .findValuesAsString("name")));
                }
            }
            return List.copyOf(staff);
        });
    }

    /** The agency's enabled users who hold the realm role. */
    public List<StaffMember> withRole(String agencyCode, String role) {
        return ofAgency(agencyCode).stream().filter(member -> member.has(role)).toList();
    }

    /**
     * The agency's enabled user of that username (in any capitals, as Keycloak keeps usernames in lower case) who holds
     * the realm role, spelt as the realm holds it.
     */
    public Optional<StaffMember> withRole(String agencyCode, String role, String username) {
        return withRole(agencyCode, role).stream().filter(member -> member.username().equalsIgnoreCase(username)).findFirst();
    }

    /** A user by username, without their roles. */
    public Optional<StaffMember> byUsername(String username) {
        return cached("user:" + username, () -> {
            for (JsonNode user : admin("/users?exact=true&briefRepresentation=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8))) {
                if (username.equalsIgnoreCase(user.path("username").asString(""))) {
                    return Optional.of(member(user, List.of()));
                }
            }
            return Optional.empty();
        });
    }

    private static StaffMember member(JsonNode user, List<String> roles) {
        String name = (user.path("lastName").asString("") + " " + user.path("firstName").asString("")).strip();
        String email = user.path("email").asString("");
        return new StaffMember(user.path("username").asString(), name.isEmpty() ? null : name, email.isBlank() ? null : email,
                List.copyOf(roles));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> load) {
        Cached<?> hit = cache.get(key);
        Instant now = clock.instant();
        if (hit != null && hit.until().isAfter(now)) {
            return (T) hit.value();
        }
        T value = load.get();
        cache.put(key, new Cached<>(value, now.plus(account.cacheFor())));
        return value;
    }

    private JsonNode admin(String pathAndQuery) {
        URI uri = URI.create(account.keycloakUrl() + "/admin/realms/" + account.realm() + pathAndQuery);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token()).GET().build());
        if (response.statusCode() == 401) {
            token = null;
        }
        if (response.statusCode() != 200) {
            throw new RealmUnavailable("The realm's admin API answered " + response.statusCode() + " for " + uri.getPath(), null);
        }
        return json.readTree(response.body());
    }

    private String token() {
        Cached<String> current = token;
        Instant now = clock.instant();
        if (current != null && current.until().isAfter(now)) {
            return current.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(account.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(account.clientSecret() == null ? "" : account.clientSecret(),
                        StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(account.keycloakUrl() + "/realms/"
                        + account.realm() + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new RealmUnavailable("The realm refused this service's client credentials: " + response.statusCode(), null);
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
            throw new RealmUnavailable("The realm cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealmUnavailable("Interrupted while asking the realm", e);
        }
    }
}
