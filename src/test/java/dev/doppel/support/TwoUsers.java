package dev.doppel.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

/**
 * Privacy check for any owned resource: the owner reaches a URL, a second signed-in user gets exactly the 404
 * an unknown id gets, and the owner's data is still there afterwards.
 */
public final class TwoUsers {

    private final Accounts.Session owner;
    private final Accounts.Session stranger;

    private TwoUsers(Accounts.Session owner, Accounts.Session stranger) {
        this.owner = owner;
        this.stranger = stranger;
    }

    public static TwoUsers create() {
        return new TwoUsers(Accounts.newSession("owner"), Accounts.newSession("stranger"));
    }

    /** The privacy check for data an existing session already owns (made once, shared by a test class). */
    public static TwoUsers withOwner(Accounts.Session owner) {
        return new TwoUsers(owner, Accounts.newSession("stranger"));
    }

    public Accounts.Session owner() {
        return owner;
    }

    public Accounts.Session stranger() {
        return stranger;
    }

    /** For reads: the stranger gets 404 problem+json; the owner gets 2xx before and after. */
    public void assertHiddenFromStranger(String path) {
        assertOwnerCanRead(path);
        assertStrangerGets404(Method.GET, path, null);
        assertOwnerCanRead(path);
    }

    /**
     * For changes (DELETE, POST, PUT): the stranger's attempt answers 404 and leaves the owner's resource, read
     * at {@code ownerReadPath}, as it was.
     */
    public void assertStrangerCannotChange(Method method, String path, Object body, String ownerReadPath) {
        String before = assertOwnerCanRead(ownerReadPath);
        assertStrangerGets404(method, path, body);
        String after = assertOwnerCanRead(ownerReadPath);
        if (!before.equals(after)) {
            throw new AssertionError("the stranger's " + method + " " + path + " changed the owner's " + ownerReadPath);
        }
    }

    private String assertOwnerCanRead(String path) {
        Response r = owner.request().get(path);
        int status = r.statusCode();
        if (status < 200 || status > 299) {
            throw new AssertionError("owner got " + status + " for " + path + ": " + r.asString());
        }
        return r.asString();
    }

    private void assertStrangerGets404(Method method, String path, Object body) {
        var spec = stranger.request();
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        spec.request(method, path).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", not(equalTo(null)));
    }
}
