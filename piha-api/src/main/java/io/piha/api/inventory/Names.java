package io.piha.api.inventory;

final class Names {

    private Names() {
    }

    static String requireValid(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("invalid " + what + " '" + name + "': must be 1-200 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("invalid " + what + " '" + name + "': control characters");
            }
        }
        return name;
    }
}
