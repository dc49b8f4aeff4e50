/** The start-up baseline of bench/run: the smallest Java program, run on the same java as pcx. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
